import { type Browser, browser } from 'wxt/browser';
import type { IngestItem, IngestOutcome } from '../db/ingest-events';
import { recorderOutbox } from '../messaging/protocol';
import { OUTBOX_PREFIX } from '../messaging/recorder-outbox';
import { logMessageForTests } from './log-message-for-tests';
import { storeRecorderEvents } from './store-recorder-events';

type Ingest = (items: readonly IngestItem[]) => Promise<IngestOutcome[]>;

/**
 * Stores what recorders left in the outbox as their pages went away (see
 * recorder-outbox.ts), through the same checks as events that arrive by port, and
 * removes it. A recorder cannot know its tab: a page goes away right after a click in
 * the tab in front, so the events are counted to the active tab of the focused window
 * (the extension never runs in private windows).
 * What cannot be parsed is removed too; what fails to store stays for the next start.
 */
export async function drainOutbox(ingest: Ingest): Promise<void> {
  const all = await browser.storage.local.get(null);
  const keys = Object.keys(all).filter((key) => key.startsWith(OUTBOX_PREFIX));
  if (keys.length === 0) return;
  const [active] = [
    ...(await browser.tabs.query({ active: true, lastFocusedWindow: true })),
    ...(await browser.tabs.query({ active: true })),
  ];
  for (const key of keys) {
    logMessageForTests(all[key]);
    const parsed = recorderOutbox.safeParse(all[key]);
    if (parsed.success) {
      const { clientId, origin, top, events } = parsed.data;
      const sender: Browser.runtime.MessageSender = {
        id: browser.runtime.id,
        url: `${origin}/`,
        frameId: top ? 0 : -1,
        // No window in front: the events still count, to a tab of their own.
        tab: active ?? ({ incognito: false } as Browser.tabs.Tab),
      };
      await storeRecorderEvents({ type: 'recorder/events', clientId, events }, sender, ingest);
    }
    await browser.storage.local.remove(key);
  }
}

/** Whether a storage change wrote to the outbox. */
export function outboxWritten(changes: Record<string, { newValue?: unknown }>): boolean {
  return Object.entries(changes).some(
    ([key, change]) => key.startsWith(OUTBOX_PREFIX) && change.newValue !== undefined,
  );
}
