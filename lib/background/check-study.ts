import { endOpenSession } from '../db/end-open-session';
import { getMeta, setMeta } from '../db/meta';
import type { Db } from '../db/open-db';
import { getRecordingTerms } from '../db/recording-terms';
import type { StudyCheck } from '../schema';
import { consentChanges } from '../settings/consent-changes';
import { fetchStudy } from '../settings/fetch-study';
import { syncRecorderRegistration } from './sync-recorder-registration';

export const STUDY_CHECK_ALARM = 'tasktrace-study-check';

/**
 * Reads the study again from its link. When what the volunteer agreed to has changed,
 * recording stops (the open session ends, the recorder is unregistered) until they
 * agree again. A study that cannot be read leaves things as they are: an outage at
 * the collector is not a change of terms.
 */
export async function checkStudy(db: Db, fetchImpl: typeof fetch = fetch): Promise<StudyCheck> {
  const enrollment = await getMeta(db, 'enrollment');
  if (!enrollment) return { status: 'not-enrolled' };
  let current: Awaited<ReturnType<typeof fetchStudy>>;
  try {
    current = await fetchStudy(enrollment.studyUrl, fetchImpl);
  } catch {
    return { status: 'unreachable' };
  }
  const changes = consentChanges(enrollment.study, current);
  const pending = await getMeta(db, 'reconsent');
  if (changes.length === 0) {
    // Name, description or contact details may change without new consent.
    await setMeta(db, 'enrollment', { ...enrollment, study: current });
    if (pending) {
      // The researcher put the terms back as they were: the old consent holds again.
      await db.delete('meta', 'reconsent');
      await syncRecorderRegistration(await getRecordingTerms(db));
    }
    return { status: 'unchanged' };
  }
  await setMeta(db, 'reconsent', current);
  if (!pending) {
    await endOpenSession(db, 'consent-changed');
    await syncRecorderRegistration(undefined);
  }
  return { status: 'changed', changes };
}
