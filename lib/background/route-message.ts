import { type Browser, browser } from 'wxt/browser';
import { pageMessage, recorderHello } from '../messaging/protocol';
import { answerRecorderHello } from './answer-recorder-hello';
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
  // Recorded events come over the recorder's port (accept-recorder-port.ts).
  if (!recorderHello.safeParse(raw).success) return undefined;
  return answerRecorderHello(sender);
}
