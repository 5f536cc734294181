import { browser } from 'wxt/browser';
import { deleteSession } from '../db/delete-session';
import { deleteSteps } from '../db/delete-steps';
import { exportLocalJsonl } from '../db/export-local-jsonl';
import { listReviewSessions } from '../db/list-review-sessions';
import { getMeta } from '../db/meta';
import { getDb } from '../db/open-db';
import { readReviewSession } from '../db/read-review-session';
import { saveTasks } from '../db/save-tasks';
import type { LocalExport, PageMessage, Result } from '../messaging/protocol';
import { previewUpload } from '../review/preview-upload';
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
import { publishRecorderSettings } from './publish-recorder-settings';
import { rejoinStudy } from './rejoin-study';
import { runUploads } from './run-uploads';
import { setAutoPauseMinutes } from './set-auto-pause-minutes';
import { setLocalSite } from './set-local-site';
import { setRecordingPaused } from './set-recording-paused';
import { startLocalRecording } from './start-local-recording';
import { updateBadges } from './update-badges';
import { uploadSession } from './upload-session';

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
    return { ok: true, value: await dispatch(message) };
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

async function dispatch(message: PageMessage): Promise<unknown> {
  const db = await getDb();
  const version = browser.runtime.getManifest().version;
  switch (message.type) {
    case 'study/preview':
      await assertCanJoin(db);
      return fetchStudy(message.studyUrl);
    case 'study/join':
      return joinStudy(db, message.studyUrl, message.study);
    case 'study/check':
      return checkStudy(db);
    case 'study/pending':
      return getPendingStudy(db);
    case 'study/consent-again':
      return consentAgain(db);
    case 'study/leave':
      return leaveStudy(db, message.erase);
    case 'state/get':
      return getExtensionState(db, message.url);
    case 'task/start':
    case 'task/end':
      await markTask(
        db,
        message.type === 'task/start' ? { goal: message.goal } : { outcome: message.outcome },
      );
      return getExtensionState(db);
    case 'options/get':
      return getOptionsState(db);
    case 'state/set-paused':
      await setRecordingPaused(message.paused);
      return getExtensionState(db);
    case 'upload/now': {
      const enrollment = await getMeta(db, 'enrollment');
      if (!enrollment) throw new Error('Join a study before uploading.');
      await queueUploads(db, enrollment.study.id);
      // The queue runs on its own, surviving worker stops; the popup shows its progress.
      void runUploads();
      return getExtensionState(db);
    }
    case 'study/rejoin':
      await rejoinStudy(db);
      return getExtensionState(db);
    case 'local/start':
      await startLocalRecording(db, message.captureLevel);
      return getOptionsState(db);
    case 'local/add-site':
    case 'local/remove-site':
      await setLocalSite(db, message.match, message.type === 'local/add-site');
      return getOptionsState(db);
    case 'local/export': {
      const { jsonl, lines } = await exportLocalJsonl(db, version);
      const day = new Date().toISOString().slice(0, 10);
      const result: LocalExport = { fileName: `tasktrace-${day}.events.jsonl`, jsonl, lines };
      return result;
    }
    case 'settings/auto-pause':
      await setAutoPauseMinutes(message.minutes);
      return getOptionsState(db);
    case 'review/sessions':
      return listReviewSessions(db);
    case 'review/session':
      return readReviewSession(db, message.id);
    case 'review/delete-steps':
      return deleteSteps(db, message.session, message.seqs);
    case 'review/delete-session':
      return deleteSession(db, message.id);
    case 'review/set-tasks':
      return saveTasks(db, message.session, message.tasks, message.through);
    case 'review/preview-upload':
      return previewUpload(db, message.session, version);
    case 'upload/session':
      await uploadSession(db, message.id);
      return getExtensionState(db);
  }
}
