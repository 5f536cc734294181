/** One message of recorded events: from its receipt to its transaction's commit. */
export type IngestSample = { receivedAt: number; ms: number; events: number };

/**
 * For `--mode bench` builds: collects, for each message of recorded events, the time
 * from the moment the background received it to the moment its answer was ready,
 * which is after the IndexedDB transaction that stored it committed. The bench reads
 * the samples with `globalThis.tasktraceBench.takeIngestSamples()` in the service worker.
 */
export function createIngestTimer(): (receivedAt: number, events: number) => void {
  let samples: IngestSample[] = [];
  (globalThis as { tasktraceBench?: unknown }).tasktraceBench = {
    takeIngestSamples: () => {
      const taken = samples;
      samples = [];
      return taken;
    },
  };
  return (receivedAt, events) => {
    samples.push({ receivedAt, ms: performance.now() - receivedAt, events });
  };
}
