import type { PageEventDraft } from '../schema';
import type { EventsAck } from './protocol';

/** The part of `runtime.Port` the sender uses, so tests can hand it a plain object. */
export type EventPort = {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
};

/** Opens a port to the background; throws when the extension context is gone. */
export type OpenPort = () => EventPort;

const MAX_PER_MESSAGE = 200;
/** A stopped worker may leave a message unanswered without closing the port. */
const ACK_TIMEOUT_MS = 10_000;
const RETRY_MS = [0, 250, 1000, 3000, 10_000];

function ackedOf(message: unknown): number[] | null {
  const acked = (message as Partial<EventsAck> | null)?.acked;
  return Array.isArray(acked) ? acked : null;
}

/**
 * Keeps every event until the background acknowledges that it was stored, and
 * resends what was not acknowledged. Events travel over one long-lived port: a
 * `postMessage` costs the page a few microseconds where a `sendMessage` opened a
 * channel per event. Each event is posted in the task that recorded it (a click on
 * a link must reach the background before the page unloads); events of one task
 * share a message. The port is opened when there is something to send, so an idle
 * page does not hold the background awake.
 */
export function createEventSender(open: OpenPort, signal: AbortSignal) {
  const clientId = crypto.randomUUID();
  /** Each event with the version of the settings it was made under. */
  const unacked = new Map<number, { v: string; draft: PageEventDraft }>();
  /** Posted on the current port and not yet acknowledged, with when. */
  const inFlight = new Map<number, number>();
  let port: EventPort | null = null;
  let nextSeq = 0;
  let failures = 0;
  let answered = false;
  let flushQueued = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let ackTimer: ReturnType<typeof setTimeout> | undefined;

  function drop(current: EventPort) {
    if (port !== current) return;
    port = null;
    // Whatever the old port carried may or may not be stored: the background
    // recognises resends, so everything unacknowledged goes again.
    inFlight.clear();
    clearTimeout(ackTimer);
    ackTimer = undefined;
    if (unacked.size > 0) scheduleRetry();
  }

  function connect(): EventPort | null {
    if (port) return port;
    try {
      const opened = open();
      port = opened;
      opened.onMessage.addListener((message) => {
        const acked = ackedOf(message);
        if (acked === null) return;
        failures = 0;
        answered = true;
        // The ack timer is left running: it stops by itself once nothing is in flight,
        // so a busy page does not set and clear a timer for every event.
        for (const cseq of acked) {
          unacked.delete(cseq);
          inFlight.delete(cseq);
        }
      });
      opened.onDisconnect.addListener(() => drop(opened));
      return opened;
    } catch {
      scheduleRetry();
      return null;
    }
  }

  function flush() {
    flushQueued = false;
    if (signal.aborted || unacked.size === inFlight.size) return;
    const current = connect();
    if (!current) return;
    const now = Date.now();
    let batch: { cseq: number; v: string; draft: PageEventDraft }[] = [];
    // Posted as JSON text: the browser copies one string much faster than it converts
    // an object graph, and the page pays for that conversion inside its event handler.
    const post = () => {
      current.postMessage(JSON.stringify({ type: 'recorder/events', clientId, events: batch }));
      batch = [];
    };
    try {
      for (const [cseq, { v, draft }] of unacked) {
        if (inFlight.has(cseq)) continue;
        inFlight.set(cseq, now);
        batch.push({ cseq, v, draft });
        if (batch.length === MAX_PER_MESSAGE) post();
      }
      if (batch.length > 0) post();
    } catch {
      // Posting on a port the browser already closed throws before onDisconnect fires.
      drop(current);
      return;
    }
    ackTimer ??= setTimeout(checkAcks, ACK_TIMEOUT_MS);
  }

  function checkAcks() {
    ackTimer = undefined;
    if (inFlight.size === 0 || !port) return;
    let oldest = Number.POSITIVE_INFINITY;
    for (const sentAt of inFlight.values()) oldest = Math.min(oldest, sentAt);
    if (Date.now() - oldest < ACK_TIMEOUT_MS) {
      ackTimer = setTimeout(checkAcks, ACK_TIMEOUT_MS - (Date.now() - oldest));
      return;
    }
    // No answer in time: start over on a new port.
    const stale = port;
    try {
      stale.disconnect();
    } catch {
      // Already closed.
    }
    drop(stale);
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

  signal.addEventListener('abort', () => {
    clearTimeout(retryTimer);
    clearTimeout(ackTimer);
    try {
      port?.disconnect();
    } catch {
      // The context is already gone.
    }
    port = null;
  });

  return {
    push(draft: PageEventDraft, v: string) {
      unacked.set(nextSeq++, { v, draft });
      if (flushQueued) return;
      flushQueued = true;
      // Still inside the task that recorded the event: before any navigation it starts.
      queueMicrotask(flush);
    },
    flush,
    get pending() {
      return unacked.size;
    },
    /** Whether the background has answered this sender at least once. */
    get answered() {
      return answered;
    },
    /** What is not yet acknowledged, as a message of events (for the outbox), or null. */
    unacknowledged(): {
      clientId: string;
      events: { cseq: number; v: string; draft: PageEventDraft }[];
    } | null {
      if (unacked.size === 0) return null;
      const events = [...unacked].map(([cseq, { v, draft }]) => ({ cseq, v, draft }));
      return { clientId, events };
    },
  };
}
