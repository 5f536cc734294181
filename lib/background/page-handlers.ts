import { browser } from 'wxt/browser';
import { deleteSession } from '../db/delete-session';
import { deleteSteps } from '../db/delete-steps';
import { exportLocalJsonl } from '../db/export-local-jsonl';
import { listReviewSessions } from '../db/list-review-sessions';
import { getMeta } from '../db/meta';
import type { Db } from '../db/open-db';
import { readReviewSession } from '../db/read-review-session';
import { saveTasks } from '../db/save-tasks';
import type { PageResponses } from '../messaging/page-responses';
import type { PageMessage } from '../messaging/protocol';
import type { LocalExport } from '../schema';
import { fetchStudy } from '../settings/fetch-study';
import { queueUploads } from '../upload/queue-uploads';
import { checkStudy } from './check-study';
import { consentAgain } from './consent-again';
import { getExtensionState } from './get-extension-state';
import { getOptionsState } from './get-options-state';
import { getPendingStudy } from './get-pending-study';
import { assertCanJoin, joinStudy } from './join-study';
import { leaveStudy } from './leave-study';
import { markTask } from './mark-task';
import { previewUpload } from './preview-upload';
import { rejoinStudy } from './rejoin-study';
import { runUploads } from './run-uploads';
import { setAutoPauseMinutes } from './set-auto-pause-minutes';
import { setLocalSite } from './set-local-site';
import { setRecordingPaused } from './set-recording-paused';
import { startLocalRecording } from './start-local-recording';
import { uploadSession } from './upload-session';

type Message<K extends PageMessage['type']> = Extract<PageMessage, { type: K }>;

/**
 * One handler per page request, each returning its request's answer as the protocol
 * table (lib/messaging/page-responses.ts) has it; `sendToBackground` returns the same
 * type, so a page cannot expect another answer than the one it gets.
 */
export const PAGE_HANDLERS = {
  'study/preview': async (db: Db, message: Message<'study/preview'>) => {
    await assertCanJoin(db);
    return fetchStudy(message.studyUrl);
  },
  'study/join': (db: Db, message: Message<'study/join'>) =>
    joinStudy(db, message.studyUrl, message.study),
  'study/check': (db: Db) => checkStudy(db),
  'study/pending': (db: Db) => getPendingStudy(db),
  'study/consent-again': (db: Db) => consentAgain(db),
  'study/leave': (db: Db, message: Message<'study/leave'>) => leaveStudy(db, message.erase),
  'state/get': (db: Db, message: Message<'state/get'>) => getExtensionState(db, message.url),
  'task/start': async (db: Db, message: Message<'task/start'>) => {
    await markTask(db, { goal: message.goal });
    return getExtensionState(db);
  },
  'task/end': async (db: Db, message: Message<'task/end'>) => {
    await markTask(db, { outcome: message.outcome });
    return getExtensionState(db);
  },
  'options/get': (db: Db) => getOptionsState(db),
  'state/set-paused': async (db: Db, message: Message<'state/set-paused'>) => {
    await setRecordingPaused(message.paused);
    return getExtensionState(db);
  },
  'upload/now': async (db: Db) => {
    const enrollment = await getMeta(db, 'enrollment');
    if (!enrollment) throw new Error('Join a study before uploading.');
    await queueUploads(db, enrollment.study.id);
    // The queue runs on its own, surviving worker stops; the popup shows its progress.
    void runUploads();
    return getExtensionState(db);
  },
  'study/rejoin': async (db: Db) => {
    await rejoinStudy(db);
    return getExtensionState(db);
  },
  'local/start': async (db: Db, message: Message<'local/start'>) => {
    await startLocalRecording(db, message.captureLevel);
    return getOptionsState(db);
  },
  'local/add-site': async (db: Db, message: Message<'local/add-site'>) => {
    await setLocalSite(db, message.match, true);
    return getOptionsState(db);
  },
  'local/remove-site': async (db: Db, message: Message<'local/remove-site'>) => {
    await setLocalSite(db, message.match, false);
    return getOptionsState(db);
  },
  'local/export': async (db: Db): Promise<LocalExport> => {
    const { jsonl, lines } = await exportLocalJsonl(db, browser.runtime.getManifest().version);
    const day = new Date().toISOString().slice(0, 10);
    return { fileName: `tasktrace-${day}.events.jsonl`, jsonl, lines };
  },
  'settings/auto-pause': async (db: Db, message: Message<'settings/auto-pause'>) => {
    await setAutoPauseMinutes(message.minutes);
    return getOptionsState(db);
  },
  'review/sessions': (db: Db) => listReviewSessions(db),
  'review/session': (db: Db, message: Message<'review/session'>) =>
    readReviewSession(db, message.id),
  'review/delete-steps': (db: Db, message: Message<'review/delete-steps'>) =>
    deleteSteps(db, message.session, message.seqs),
  'review/delete-session': (db: Db, message: Message<'review/delete-session'>) =>
    deleteSession(db, message.id),
  'review/set-tasks': (db: Db, message: Message<'review/set-tasks'>) =>
    saveTasks(db, message.session, message.tasks, message.through),
  'review/preview-upload': (db: Db, message: Message<'review/preview-upload'>) =>
    previewUpload(db, message.session, browser.runtime.getManifest().version),
  'upload/session': async (db: Db, message: Message<'upload/session'>) => {
    await uploadSession(db, message.id);
    return getExtensionState(db);
  },
} satisfies {
  [K in PageMessage['type']]: (db: Db, message: Message<K>) => Promise<PageResponses[K]>;
};

/** Runs the handler of a request, typed by its kind. */
export function dispatchPageMessage<K extends PageMessage['type']>(
  db: Db,
  message: Message<K>,
): Promise<PageResponses[K]> {
  // The table's `satisfies` ties each key to its handler; TypeScript cannot narrow an
  // indexed union of functions by a generic key, hence the one cast.
  const handler = PAGE_HANDLERS[message.type] as unknown as (
    db: Db,
    message: Message<K>,
  ) => Promise<PageResponses[K]>;
  return handler(db, message);
}
