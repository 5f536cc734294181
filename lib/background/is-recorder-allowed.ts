import type { Browser } from 'wxt/browser';
import type { RecordingTerms } from '../db/recording-terms';
import { isRecordableUrl } from './is-recordable-url';

/**
 * A frame may be recorded only when its own URL and its tab's top-level URL are both
 * allowlisted and granted, and never in a private window.
 */
export async function isRecorderAllowed(
  terms: RecordingTerms | undefined,
  sender: Browser.runtime.MessageSender,
): Promise<boolean> {
  return (
    terms !== undefined &&
    sender.tab !== undefined &&
    !sender.tab.incognito &&
    (await isRecordableUrl(terms, sender.url)) &&
    (await isRecordableUrl(terms, sender.tab.url))
  );
}
