import { browser } from 'wxt/browser';
import { getMeta, setMeta } from '../db/meta';
import type { Db } from '../db/open-db';
import { getRecordingTerms } from '../db/recording-terms';
import { consentAtCollector } from '../settings/consent-at-collector';
import { enroll } from '../settings/enroll';
import { injectIntoOpenTabs } from './inject-into-open-tabs';
import { syncRecorderRegistration } from './sync-recorder-registration';

/**
 * The volunteer agreed to the study as it now reads. The collector records the new
 * consent for the same participant, so one erasure still covers everything; a study
 * that moved to another collector is joined there afresh. Recording then resumes on
 * the sites the new terms allow and the volunteer granted.
 */
export async function consentAgain(db: Db, fetchImpl: typeof fetch = fetch): Promise<string[]> {
  const enrollment = await getMeta(db, 'enrollment');
  const study = await getMeta(db, 'reconsent');
  if (!enrollment || !study) throw new Error('There is no changed study waiting for your consent.');
  const sameCollector =
    new URL(study.endpoint).origin === new URL(enrollment.study.endpoint).origin;
  if (sameCollector) {
    await consentAtCollector(enrollment, study.endpoint, study.consent.version, fetchImpl);
  }
  const next = sameCollector
    ? { ...enrollment, study, consentVersion: study.consent.version }
    : await enroll(enrollment.studyUrl, study, browser.runtime.getManifest().version, fetchImpl);
  await setMeta(db, 'enrollment', next);
  await db.delete('meta', 'reconsent');
  const terms = await getRecordingTerms(db);
  const matches = await syncRecorderRegistration(terms);
  if (terms) await injectIntoOpenTabs(terms);
  return matches;
}
