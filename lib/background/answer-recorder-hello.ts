import type { Browser } from 'wxt/browser';
import { getDb } from '../db/open-db';
import { getRecordingTerms } from '../db/recording-terms';
import type { RecorderHelloAnswer } from '../messaging/protocol';
import { isRecorderAllowed } from './is-recorder-allowed';

/**
 * Tells a recorder in a frame whether the tab around it may be recorded: a frame
 * cannot read its top page's address, and an allowed frame embedded in a page that
 * is not allowed records nothing.
 */
export async function answerRecorderHello(
  sender: Browser.runtime.MessageSender,
): Promise<RecorderHelloAnswer> {
  const terms = await getRecordingTerms(await getDb());
  return { record: await isRecorderAllowed(terms, sender) };
}
