import { getDb } from '../db/open-db';
import type { PageMessage, Result } from '../messaging/protocol';
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
    return { ok: true, value: await dispatchPageMessage(await getDb(), message) };
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
