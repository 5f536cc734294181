import type { Browser } from 'wxt/browser';
import { getMeta } from '../db/meta';
import { getDb } from '../db/open-db';
import { getRecordingTerms } from '../db/recording-terms';
import type { RecorderConfig } from '../messaging/protocol';
import { isStorageFull } from '../settings/storage-full';
import { isRecorderAllowed } from './is-recorder-allowed';

/** Tells a starting recorder what to record, or to stay silent. */
export async function answerRecorderHello(
  sender: Browser.runtime.MessageSender,
): Promise<RecorderConfig> {
  const db = await getDb();
  const terms = await getRecordingTerms(db);
  if (!terms || !(await isRecorderAllowed(terms, sender))) return { record: false };
  return {
    record: true,
    paused: ((await getMeta(db, 'paused')) ?? false) || (await isStorageFull()),
    captureLevel: terms.captureLevel,
    testIdAttributes: terms.testIdAttributes,
    routeTemplates: terms.routeTemplates,
    queryKeys: terms.queryKeys,
  };
}
