import { browser } from 'wxt/browser';
import { getMeta, setMeta } from '../db/meta';
import type { Db } from '../db/open-db';
import { consentChanges } from '../settings/consent-changes';
import { enroll } from '../settings/enroll';
import { fetchStudy } from '../settings/fetch-study';
import { checkStudy } from './check-study';
import { runUploads } from './run-uploads';

const CHANGED = 'The study changed since you agreed. Open tasktrace to review it, then rejoin.';

/**
 * The collector refused the upload token (revoked, or the collector lost it). Joining
 * again under the same terms gives a new participant id and token; what is on this
 * computer stays and uploads under them. Only under the same terms: if the sites,
 * capture level, endpoint or consent changed, nothing is enrolled and the changed study
 * waits for the volunteer's consent, as any changed study does.
 */
export async function rejoinStudy(db: Db, fetchImpl: typeof fetch = fetch): Promise<void> {
  const enrollment = await getMeta(db, 'enrollment');
  if (!enrollment) throw new Error('Join a study first.');
  const study = await fetchStudy(enrollment.studyUrl, fetchImpl);
  if (consentChanges(enrollment.study, study).length > 0) {
    await checkStudy(db, fetchImpl);
    throw new Error(CHANGED);
  }
  const next = await enroll(
    enrollment.studyUrl,
    study,
    browser.runtime.getManifest().version,
    fetchImpl,
  );
  if (
    next.consentVersion !== enrollment.consentVersion ||
    consentChanges(enrollment.study, next.study).length > 0
  ) {
    throw new Error(CHANGED);
  }
  await setMeta(db, 'enrollment', next);
  await db.delete('meta', 'uploadBlocked');
  void runUploads();
}
