import { browser } from 'wxt/browser';
import { getMeta, setMeta } from '../db/meta';
import type { Db } from '../db/open-db';
import { enroll } from '../settings/enroll';
import { fetchStudy } from '../settings/fetch-study';
import { runUploads } from './run-uploads';

/**
 * The collector refused the upload token (revoked, or the collector lost it). Joining
 * again under the same consent gives a new participant id and token; what is on this
 * computer stays and uploads under them.
 */
export async function rejoinStudy(db: Db): Promise<void> {
  const enrollment = await getMeta(db, 'enrollment');
  if (!enrollment) throw new Error('Join a study first.');
  const study = await fetchStudy(enrollment.studyUrl);
  const next = await enroll(enrollment.studyUrl, study, browser.runtime.getManifest().version);
  if (next.consentVersion !== enrollment.consentVersion) {
    throw new Error(
      'The study changed since you agreed. Open tasktrace to review it, then rejoin.',
    );
  }
  await setMeta(db, 'enrollment', next);
  await db.delete('meta', 'uploadBlocked');
  void runUploads();
}
