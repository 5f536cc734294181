import type { PageEventDraft } from '../schema';

export type SendEvents = (
  clientId: string,
  events: { cseq: number; draft: PageEventDraft }[],
) => Promise<unknown>;

const MAX_PER_MESSAGE = 200;
const SEND_TIMEOUT_MS = 10_000;

function isAck(value: unknown): value is { acked: number[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { acked?: unknown }).acked)
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
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
    // A worker stopped mid-request may answer nothing at all, or never: both count as
    // a failure, and the batch is sent again (the background stores it once).
    withTimeout(send(clientId, batch), SEND_TIMEOUT_MS).then(
      (response) => {
        for (const { cseq } of batch) inFlight.delete(cseq);
        const acked = isAck(response) ? response.acked : null;
        if (acked === null) {
          scheduleRetry();
          return;
        }
        failures = 0;
        for (const cseq of acked) unacked.delete(cseq);
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
