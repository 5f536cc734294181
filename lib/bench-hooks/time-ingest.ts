import type { Browser } from 'wxt/browser';

type MessageListener = (
  message: unknown,
  sender: Browser.runtime.MessageSender,
) => Promise<unknown> | undefined;

/** One `recorder/events` message: from its receipt to its transaction's commit. */
export type IngestSample = { receivedAt: number; ms: number; events: number };

/**
 * For `--mode bench` builds: times each batch of recorded events from the moment the
 * background receives it to the moment its answer is ready, which is after the
 * IndexedDB transaction that stored it committed. The bench reads the samples with
 * `globalThis.tasktraceBench.takeIngestSamples()` in the service worker.
 */
export function timeIngest(listener: MessageListener): MessageListener {
  let samples: IngestSample[] = [];
  (globalThis as { tasktraceBench?: unknown }).tasktraceBench = {
    takeIngestSamples: () => {
      const taken = samples;
      samples = [];
      return taken;
    },
  };
  return (message, sender) => {
    const receivedAt = performance.now();
    const answer = listener(message, sender);
    const events = (message as { type?: unknown; events?: unknown }).events;
    if (answer && (message as { type?: unknown }).type === 'recorder/events') {
      const count = Array.isArray(events) ? events.length : 0;
      answer.then(
        () => samples.push({ receivedAt, ms: performance.now() - receivedAt, events: count }),
        () => undefined,
      );
    }
    return answer;
  };
}
