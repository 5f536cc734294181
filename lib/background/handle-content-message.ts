import type { Browser } from 'wxt/browser';
import type { IngestItem, IngestOutcome } from '../db/ingest-events';
import { getMeta } from '../db/meta';
import { getDb } from '../db/open-db';
import { getRecordingTerms } from '../db/recording-terms';
import type { ContentMessage, EventsAck, RecorderConfig } from '../messaging/protocol';
import { isStorageFull } from '../settings/storage-full';
import { isRecordableUrl } from './is-recordable-url';

type Sender = Browser.runtime.MessageSender;

/**
 * Answers a recorder. The frame's own URL and its tab's top-level URL must both be
 * allowlisted and granted; otherwise the recorder is told to stay silent and its
 * events are discarded.
 */
export async function handleContentMessage(
  message: ContentMessage,
  sender: Sender,
  ingest: (items: readonly IngestItem[]) => Promise<IngestOutcome[]>,
): Promise<RecorderConfig | EventsAck> {
  const db = await getDb();
  const terms = await getRecordingTerms(db);
  const allowed =
    terms !== undefined &&
    sender.tab !== undefined &&
    !sender.tab.incognito &&
    (await isRecordableUrl(terms, sender.url)) &&
    (await isRecordableUrl(terms, sender.tab.url));

  const storageFull = await isStorageFull();
  if (message.type === 'recorder/hello') {
    if (!allowed || !terms) return { record: false };
    return {
      record: true,
      paused: ((await getMeta(db, 'paused')) ?? false) || storageFull,
      captureLevel: terms.captureLevel,
      testIdAttributes: terms.testIdAttributes,
      routeTemplates: terms.routeTemplates,
      queryKeys: terms.queryKeys,
    };
  }

  // Acknowledge even what is discarded, so the recorder does not resend it.
  const acked = message.events.map((entry) => entry.cseq);
  if (!allowed || !sender.url || storageFull) return { acked };
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
