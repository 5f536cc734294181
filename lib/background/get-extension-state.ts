import { getMeta } from '../db/meta';
import type { Db } from '../db/open-db';
import { openSession } from '../db/open-session';
import { openTask } from '../db/open-task';
import { getRecordingTerms } from '../db/recording-terms';
import { type ExtensionState, recordingModeOf } from '../schema';
import { isStorageFull } from '../settings/storage-full';
import { recentSessions } from '../upload/recent-sessions';
import { uploadStatus } from '../upload/upload-status';
import { isRecordableUrl } from './is-recordable-url';

export async function getExtensionState(db: Db, url?: string): Promise<ExtensionState> {
  const [enrollment, local, reconsent, currentSession] = await Promise.all([
    getMeta(db, 'enrollment'),
    getMeta(db, 'local'),
    getMeta(db, 'reconsent'),
    getMeta(db, 'currentSession'),
  ]);
  const storageFull = await isStorageFull();
  const paused = ((await getMeta(db, 'paused')) ?? false) || storageFull;
  const session = await openSession(db);
  const { pending, upload } = await uploadStatus(db);
  const [sessions, jobs] = await Promise.all([db.getAll('sessions'), db.getAll('uploads')]);
  // Nothing recorded for oneself is ever uploaded, so nothing waits.
  const pendingUpload = enrollment ? pending : 0;
  return {
    mode: recordingModeOf(enrollment, local),
    studyName: enrollment?.study.name ?? null,
    reconsent: enrollment !== undefined && reconsent !== undefined,
    paused,
    pausedReason: storageFull ? 'quota' : ((await getMeta(db, 'pausedReason')) ?? 'volunteer'),
    session: session
      ? { id: session.id, eventCount: session.eventCount, uploadedCount: session.uploadedCount }
      : null,
    pendingUpload,
    here: await hereState(db, url, paused),
    task: await openTask(db),
    recent: recentSessions(sessions, jobs, currentSession),
    upload,
  };
}

/** What the active tab's page gets: only web pages are ever recorded. */
async function hereState(
  db: Db,
  url: string | undefined,
  paused: boolean,
): Promise<ExtensionState['here']> {
  if (!url || !/^https?:/.test(url)) return null;
  const terms = await getRecordingTerms(db);
  if (!terms || !(await isRecordableUrl(terms, url))) return 'not-in-study';
  return paused ? 'paused' : 'recording';
}
