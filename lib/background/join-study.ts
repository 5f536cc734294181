import { browser } from 'wxt/browser';
import { getMeta, setMeta } from '../db/meta';
import type { Db } from '../db/open-db';
import { getRecordingTerms } from '../db/recording-terms';
import { setPaused } from '../db/set-paused';
import { enroll } from '../settings/enroll';
import { fetchStudy } from '../settings/fetch-study';
import { STUDY_CHECK_ALARM } from './check-study';
import { injectIntoOpenTabs } from './inject-into-open-tabs';
import { syncRecorderRegistration } from './sync-recorder-registration';

/** The study is read again here, never taken from the page, then the volunteer is enrolled. */
export async function joinStudy(
  db: Db,
  studyUrl: string,
): Promise<{ studyName: string; recordingOn: string[] }> {
  await assertCanJoin(db);
  const study = await fetchStudy(studyUrl);
  const enrollment = await enroll(studyUrl, study, browser.runtime.getManifest().version);
  await setMeta(db, 'enrollment', enrollment);
  await setPaused(db, false);
  const terms = await getRecordingTerms(db);
  const recordingOn = await syncRecorderRegistration(terms);
  if (terms) await injectIntoOpenTabs(terms);
  // The study is read again now and then, so changed terms stop recording promptly.
  await browser.alarms.create(STUDY_CHECK_ALARM, { periodInMinutes: 60, delayInMinutes: 60 });
  return { studyName: study.name, recordingOn };
}

/** One set of terms at a time: a study, or recording for oneself, never both. */
export async function assertCanJoin(db: Db): Promise<void> {
  if (await getMeta(db, 'local')) {
    throw new Error(
      "You are recording for yourself. Stop that in tasktrace's options first, then join the study.",
    );
  }
  if (await getMeta(db, 'enrollment')) {
    throw new Error("You are already in a study. Leave it in tasktrace's options to join another.");
  }
}
