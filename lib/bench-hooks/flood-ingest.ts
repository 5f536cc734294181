export type FloodOptions = {
  seconds: number;
  /** Events per message; the recorder's sender sends at most 200. */
  batch: number;
  /** Messages in flight at once, as several busy tabs would have. */
  concurrency: number;
};

export type FloodResult = { sent: number; acked: number; failed: number; seconds: number };

type Send = (message: unknown) => Promise<unknown>;

/**
 * Load for the background's ingest: real `recorder/events` messages from a real
 * content script in an allowlisted tab, each event a copy of the last one the
 * recorder sent (so validation and storage see a realistic event), at the rate the
 * background accepts them: each sender waits for its acknowledgement, then sends again.
 */
export async function floodIngest(
  send: Send,
  template: object,
  options: FloodOptions,
): Promise<FloodResult> {
  const clientId = crypto.randomUUID();
  const result: FloodResult = { sent: 0, acked: 0, failed: 0, seconds: 0 };
  let cseq = 0;
  const start = performance.now();
  const until = start + options.seconds * 1000;
  const sender = async () => {
    while (performance.now() < until) {
      const events = [];
      for (let index = 0; index < options.batch; index++) {
        events.push({ cseq: cseq++, draft: { ...template, t: Date.now() } });
      }
      result.sent += events.length;
      try {
        const answer = (await send({ type: 'recorder/events', clientId, events })) as {
          acked?: unknown[];
        };
        result.acked += answer?.acked?.length ?? 0;
      } catch {
        result.failed += events.length;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, sender));
  result.seconds = (performance.now() - start) / 1000;
  return result;
}
