import { type Browser, browser } from 'wxt/browser';
import type { IngestItem, IngestOutcome } from '../db/ingest-events';
import { contentMessage, pageMessage } from '../messaging/protocol';
import { handleContentMessage } from './handle-content-message';
import { handlePageMessage } from './handle-page-message';
import { logMessageForTests } from './log-message-for-tests';

/**
 * The one entry point for runtime messages. Messages from another extension are
 * ignored; the rest are parsed strictly, and which handler may see them depends on
 * whether they come from one of our pages or from a content script in a tab.
 */
export function routeMessage(
  raw: unknown,
  sender: Browser.runtime.MessageSender,
  ingest: (items: readonly IngestItem[]) => Promise<IngestOutcome[]>,
): Promise<unknown> | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  logMessageForTests(raw);
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const fromOurPage = sender.url !== undefined && new URL(sender.url).origin === extensionOrigin;
  if (fromOurPage) {
    const parsed = pageMessage.safeParse(raw);
    if (!parsed.success) return Promise.resolve({ ok: false, error: 'Malformed request.' });
    return handlePageMessage(parsed.data);
  }
  if (!sender.tab) return undefined;
  const parsed = contentMessage.safeParse(raw);
  if (!parsed.success) return Promise.resolve({ acked: [] });
  return handleContentMessage(parsed.data, sender, ingest);
}
