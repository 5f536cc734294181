import type { EventPort } from '../../lib/messaging/create-event-sender';
import { RECORDER_PORT } from '../../lib/messaging/recorder-port';

export type FloodOptions = {
  seconds: number;
  /** Events per message; the recorder's sender sends at most 200. */
  batch: number;
  /** Messages in flight at once, as several busy tabs would have. */
  concurrency: number;
};

export type FloodResult = { sent: number; acked: number; failed: number; seconds: number };

type Connect = (info: { name: string }) => EventPort;

/**
 * Load for the background's ingest: real recorder messages on a real recorder port
 * from a real content script in an allowlisted tab, each event a copy of the last
 * one the recorder sent (so validation and storage see a realistic event), at the
 * rate the background accepts them: each sender waits for its acknowledgement, then
 * sends again.
 */
export async function floodIngest(
  connect: Connect,
  template: { v: string; draft: object },
  options: FloodOptions,
): Promise<FloodResult> {
  const clientId = crypto.randomUUID();
  const result: FloodResult = { sent: 0, acked: 0, failed: 0, seconds: 0 };
  const port = connect({ name: RECORDER_PORT });
  const waiting = new Map<number, (acked: number) => void>();
  let closed = false;
  port.onMessage.addListener((message) => {
    const acked = (message as { acked?: number[] }).acked ?? [];
    const first = acked[0];
    if (first === undefined) return;
    waiting.get(first)?.(acked.length);
    waiting.delete(first);
  });
  port.onDisconnect.addListener(() => {
    closed = true;
    for (const resolve of waiting.values()) resolve(0);
    waiting.clear();
  });
  let cseq = 0;
  const start = performance.now();
  const until = start + options.seconds * 1000;
  const sender = async () => {
    while (performance.now() < until && !closed) {
      const events: { cseq: number; v: string; draft: object }[] = [];
      for (let index = 0; index < options.batch; index++) {
        // Under the settings version the recorder's own event carried, as it would.
        events.push({ cseq: cseq++, v: template.v, draft: { ...template.draft, t: Date.now() } });
      }
      result.sent += events.length;
      const first = events[0]?.cseq ?? 0;
      const acked = await new Promise<number>((resolve) => {
        waiting.set(first, resolve);
        port.postMessage(JSON.stringify({ type: 'recorder/events', clientId, events }));
      });
      result.acked += acked;
      result.failed += events.length - acked;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, sender));
  result.seconds = (performance.now() - start) / 1000;
  port.disconnect();
  return result;
}
