import { browser } from 'wxt/browser';
import { deleteAllData } from '../db/delete-all-data';
import { endOpenSession } from '../db/end-open-session';
import { getMeta } from '../db/meta';
import type { Db } from '../db/open-db';
import { allowlistOrigins } from '../privacy/allowlist';
import type { LeaveOutcome } from '../schema';
import { collectorOrigin } from '../settings/collector-origin';
import { eraseAtCollector } from '../settings/erase-at-collector';
import { revokeSiteAccess } from '../settings/revoke-site-access';
import { setStorageFull } from '../settings/storage-full';
import { STUDY_CHECK_ALARM } from './check-study';
import { syncRecorderRegistration } from './sync-recorder-registration';

/**
 * Withdrawal: stop, unregister the recorder, delete everything stored here and give
 * back every site permission. With `erase`, the collector erases the participant
 * first; if it cannot, nothing changes here, so the volunteer can try again.
 * Also ends recording for oneself (local mode), which has nothing to erase remotely.
 */
export async function leaveStudy(
  db: Db,
  erase: boolean,
  fetchImpl: typeof fetch = fetch,
): Promise<LeaveOutcome> {
  const enrollment = await getMeta(db, 'enrollment');
  const local = await getMeta(db, 'local');
  const reconsent = await getMeta(db, 'reconsent');
  const erased = erase && enrollment ? await eraseAtCollector(enrollment, fetchImpl) : null;

  await endOpenSession(db, 'withdrawn');
  await syncRecorderRegistration(undefined);
  const deleted = await deleteAllData(db);
  await setStorageFull(false);
  await browser.alarms.clear(STUDY_CHECK_ALARM).catch(() => false);

  const origins = [
    ...allowlistOrigins(enrollment?.study.allowlist ?? []),
    ...allowlistOrigins(reconsent?.allowlist ?? []),
    ...allowlistOrigins(local?.sites ?? []),
    ...(enrollment ? [collectorOrigin(enrollment.study.endpoint)] : []),
    ...(reconsent ? [collectorOrigin(reconsent.endpoint)] : []),
  ];
  await revokeSiteAccess(origins);
  return { deleted, erased };
}
