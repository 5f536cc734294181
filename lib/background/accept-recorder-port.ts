import type { Browser } from 'wxt/browser';
import type { IngestItem, IngestOutcome } from '../db/ingest-events';
import { recorderEvents } from '../messaging/protocol';
import { RECORDER_PORT } from '../messaging/recorder-port';
import { logMessageForTests } from './log-message-for-tests';
import { storeRecorderEvents } from './store-recorder-events';

type Port = Browser.runtime.Port;

/** Recorders post their messages as JSON text (see create-event-sender.ts). */
function parseText(raw: unknown): unknown {
  if (typeof raw !== 'string') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
type Ingest = (items: readonly IngestItem[]) => Promise<IngestOutcome[]>;

/**
 * Takes recorded events over a content script's port, stores them and answers each
 * message with the sequence numbers it may forget. A message that cannot be stored
 * gets no answer: the recorder resends it on a new port after its timeout.
 * `onStored` lets the bench build time each message from receipt to commit.
 */
export function acceptRecorderPort(
  port: Port,
  ownId: string,
  ingest: Ingest,
  onStored?: (receivedAt: number, events: number) => void,
): void {
  const sender = port.sender;
  if (port.name !== RECORDER_PORT || sender?.id !== ownId || !sender.tab) {
    port.disconnect();
    return;
  }
  let open = true;
  port.onDisconnect.addListener(() => {
    open = false;
  });
  port.onMessage.addListener((raw: unknown) => {
    const receivedAt = performance.now();
    logMessageForTests(raw);
    const parsed = recorderEvents.safeParse(parseText(raw));
    if (!parsed.success) return;
    storeRecorderEvents(parsed.data, sender, ingest).then(
      (answer) => {
        onStored?.(receivedAt, parsed.data.events.length);
        if (open) port.postMessage(answer);
      },
      () => undefined,
    );
  });
}
