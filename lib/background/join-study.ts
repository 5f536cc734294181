import { browser } from 'wxt/browser';
import { getMeta, setMeta } from '../db/meta';
import type { Db } from '../db/open-db';
import { getRecordingTerms } from '../db/recording-terms';
import { setPaused } from '../db/set-paused';
import type { JoinOutcome, StudyManifest } from '../schema';
import { enroll } from '../settings/enroll';
import { eraseAtCollector } from '../settings/erase-at-collector';
import { fetchStudy } from '../settings/fetch-study';
import { joinChanges } from '../settings/join-changes';
import { STUDY_CHECK_ALARM } from './check-study';
import { injectIntoOpenTabs } from './inject-into-open-tabs';
import { syncRecorderRegistration } from './sync-recorder-registration';

/**
 * The volunteer is enrolled under exactly the terms the page showed them (`shown`). The
 * study is read again here, never taken from the page; if it, or the study the collector
 * answers the enrollment with, differs from what was shown in any way, nothing is joined.
 */
export async function joinStudy(
  db: Db,
  studyUrl: string,
  shown: StudyManifest,
  fetchImpl: typeof fetch = fetch,
): Promise<JoinOutcome> {
  await assertCanJoin(db);
  const study = await fetchStudy(studyUrl, fetchImpl);
  const changes = joinChanges(shown, study);
  if (changes.length > 0) return { changed: { study, changes } };

  const enrollment = await enroll(
    studyUrl,
    shown,
    browser.runtime.getManifest().version,
    fetchImpl,
  );
  const answered = joinChanges(shown, enrollment.study);
  if (answered.length > 0) {
    return {
      changed: {
        study: enrollment.study,
        changes: answered,
        note: await withdraw(shown, enrollment.uploadToken, fetchImpl),
      },
    };
  }
  await setMeta(db, 'enrollment', enrollment);
  await setPaused(db, false);
  const terms = await getRecordingTerms(db);
  const recordingOn = await syncRecorderRegistration(terms);
  if (terms) await injectIntoOpenTabs(terms);
  // The study is read again now and then, so changed terms stop recording promptly.
  await browser.alarms.create(STUDY_CHECK_ALARM, { periodInMinutes: 60, delayInMinutes: 60 });
  return { joined: { studyName: study.name, recordingOn } };
}

/** The collector enrolled the volunteer under other terms: that enrollment is erased. */
async function withdraw(
  shown: StudyManifest,
  uploadToken: string,
  fetchImpl: typeof fetch,
): Promise<string> {
  const said =
    "The study's collector answered with terms that differ from the ones you read, so you did not join and nothing is recorded.";
  try {
    await eraseAtCollector({ study: shown, uploadToken }, fetchImpl);
    return `${said} The enrollment it made there was withdrawn.`;
  } catch {
    return `${said} The enrollment it made there could not be withdrawn; it holds no data and its key was not kept.`;
  }
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
