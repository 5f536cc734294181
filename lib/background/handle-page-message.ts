import { getDb } from '../db/open-db';
import type { PageMessage, Result } from '../messaging/protocol';
import { checkPageAnswer } from './check-page-answer';
import { dispatchPageMessage } from './page-handlers';
import { publishRecorderSettings } from './publish-recorder-settings';
import { updateBadges } from './update-badges';

/** Requests that only read; the popup polls one of them every second. */
const READ_ONLY = new Set<PageMessage['type']>([
  'state/get',
  'options/get',
  'study/preview',
  'study/pending',
  'local/export',
  'review/sessions',
  'review/session',
  'review/preview-upload',
]);

/** Requests from the extension's own pages (onboarding, popup, options). */
export async function handlePageMessage(message: PageMessage): Promise<Result<unknown>> {
  try {
    const answer = await dispatchPageMessage(await getDb(), message);
    return { ok: true, value: checkPageAnswer(message.type, answer) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    // A request that may change what is recorded where shows on the toolbar at once.
    if (!READ_ONLY.has(message.type)) {
      await publishRecorderSettings().catch(() => undefined);
      await updateBadges().catch(() => undefined);
    }
  }
}
