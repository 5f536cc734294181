import type { Browser } from 'wxt/browser';
import type { IngestItem, IngestOutcome } from '../db/ingest-events';
import { getDb } from '../db/open-db';
import { getRecordingTerms } from '../db/recording-terms';
import type { EventsAck, RecorderEvents } from '../messaging/protocol';
import { isStorageFull } from '../settings/storage-full';
import { isRecorderAllowed } from './is-recorder-allowed';

/**
 * Stores a recorder's events. Access is checked for every message, since a site can be
 * revoked while its pages stay open; events of a frame that may not be recorded, or
 * claiming another origin than the frame's, are discarded.
 */
export async function storeRecorderEvents(
  message: RecorderEvents,
  sender: Browser.runtime.MessageSender,
  ingest: (items: readonly IngestItem[]) => Promise<IngestOutcome[]>,
): Promise<EventsAck> {
  // Acknowledge even what is discarded, so the recorder does not resend it.
  const acked = message.events.map((entry) => entry.cseq);
  const terms = await getRecordingTerms(await getDb());
  if (!sender.url || !(await isRecorderAllowed(terms, sender)) || (await isStorageFull())) {
    return { acked };
  }
  const frameOrigin = new URL(sender.url).origin;
  const items: IngestItem[] = message.events
    .filter((entry) => entry.draft.page.origin === frameOrigin)
    .map((entry) => ({
      draft: entry.draft,
      tabId: sender.tab?.id,
      source: [message.clientId, entry.cseq],
    }));
  if (items.length > 0) await ingest(items);
  return { acked };
}
