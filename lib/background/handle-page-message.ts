import { browser } from 'wxt/browser';
import { getMeta, setMeta } from '../db/meta';
import { getDb } from '../db/open-db';
import { setPaused } from '../db/set-paused';
import type { PageMessage, Result } from '../messaging/protocol';
import { enroll } from '../settings/enroll';
import { fetchStudy } from '../settings/fetch-study';
import { setStorageFull } from '../settings/storage-full';
import { uploadPending } from '../upload/upload-pending';
import { broadcastRecorderState } from './broadcast-state';
import { getExtensionState } from './get-extension-state';
import { injectIntoOpenTabs } from './inject-into-open-tabs';
import { syncRecorderRegistration } from './sync-recorder-registration';

/** Requests from the extension's own pages (onboarding, popup). */
export async function handlePageMessage(message: PageMessage): Promise<Result<unknown>> {
  try {
    return { ok: true, value: await dispatch(message) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

async function dispatch(message: PageMessage): Promise<unknown> {
  const db = await getDb();
  const version = browser.runtime.getManifest().version;
  switch (message.type) {
    case 'study/preview':
      return fetchStudy(message.studyUrl);
    case 'study/join': {
      const study = await fetchStudy(message.studyUrl);
      const enrollment = await enroll(message.studyUrl, study, version);
      await setMeta(db, 'enrollment', enrollment);
      await setPaused(db, false);
      const matches = await syncRecorderRegistration(enrollment);
      await injectIntoOpenTabs(enrollment);
      return { studyName: study.name, recordingOn: matches };
    }
    case 'state/get':
      return getExtensionState(db);
    case 'state/set-paused':
      // Resuming after a full disk is the volunteer's call: they freed space or uploaded.
      if (!message.paused) await setStorageFull(false);
      await setPaused(db, message.paused);
      await broadcastRecorderState(message.paused);
      return getExtensionState(db);
    case 'upload/now': {
      const enrollment = await getMeta(db, 'enrollment');
      if (!enrollment) throw new Error('Join a study before uploading.');
      return uploadPending(db, enrollment, version);
    }
  }
}
