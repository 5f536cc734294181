import type { PageEventDraft } from '../schema';

export type SendEvents = (
  clientId: string,
  events: { cseq: number; draft: PageEventDraft }[],
) => Promise<{ acked: number[] }>;

const MAX_PER_MESSAGE = 200;
const RETRY_MS = [250, 1000, 3000, 10_000];

/**
 * Keeps every event until the background acknowledges that it was stored, and
 * resends what was not acknowledged. Each event is sent at once: a click on a link
 * must reach the background before the page unloads.
 */
export function createEventSender(send: SendEvents, signal: AbortSignal) {
  const clientId = crypto.randomUUID();
  const unacked = new Map<number, PageEventDraft>();
  const inFlight = new Set<number>();
  let nextSeq = 0;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function flush() {
    if (signal.aborted) return;
    const batch = [...unacked]
      .filter(([cseq]) => !inFlight.has(cseq))
      .slice(0, MAX_PER_MESSAGE)
      .map(([cseq, draft]) => ({ cseq, draft }));
    if (batch.length === 0) return;
    for (const { cseq } of batch) inFlight.add(cseq);
    send(clientId, batch).then(
      ({ acked }) => {
        failures = 0;
        for (const cseq of acked) unacked.delete(cseq);
        for (const { cseq } of batch) inFlight.delete(cseq);
        if (unacked.size > inFlight.size) flush();
      },
      () => {
        for (const { cseq } of batch) inFlight.delete(cseq);
        scheduleRetry();
      },
    );
  }

  function scheduleRetry() {
    if (retryTimer !== undefined || signal.aborted) return;
    const delay = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)] ?? 10_000;
    failures += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      flush();
    }, delay);
  }

  signal.addEventListener('abort', () => clearTimeout(retryTimer));

  return {
    push(draft: PageEventDraft) {
      unacked.set(nextSeq++, draft);
      flush();
    },
    flush,
    get pending() {
      return unacked.size;
    },
  };
}
