import { acceptRecorderPort as untimedAcceptRecorderPort } from '../../lib/background/accept-recorder-port';

/** One message of recorded events: from its receipt to its transaction's commit. */
export type IngestSample = { receivedAt: number; ms: number; events: number };

let samples: IngestSample[] = [];

/**
 * The bench reads the samples with `globalThis.tasktraceBench.takeIngestSamples()` in
 * the service worker; set when the background's bundle starts.
 */
(globalThis as { tasktraceBench?: unknown }).tasktraceBench = {
  takeIngestSamples: () => {
    const taken = samples;
    samples = [];
    return taken;
  },
};

/**
 * `acceptRecorderPort` with a stopwatch. In the bench build the background's import of
 * it resolves here instead (see bench/vite-bench-hooks.ts): for each message of recorded
 * events, the time from the moment the background received it to the moment its answer
 * was ready, which is after the IndexedDB transaction that stored it committed.
 */
export const acceptRecorderPort: typeof untimedAcceptRecorderPort = (
  port,
  ownId,
  ingest,
  onStored,
) =>
  untimedAcceptRecorderPort(port, ownId, ingest, (receivedAt, events) => {
    samples.push({ receivedAt, ms: performance.now() - receivedAt, events });
    onStored?.(receivedAt, events);
  });
