import { browser } from 'wxt/browser';
import { getMeta } from '../db/meta';
import { getDb } from '../db/open-db';
import { drainUploads } from '../upload/drain-uploads';
import { UPLOAD_TIMING } from '../upload/upload-timing';

export const UPLOAD_ALARM = 'tasktrace-upload';
/** Browsers fire alarms no sooner than this; shorter waits also get a timer. */
const ALARM_FLOOR_MS = 30_000;

let running: Promise<void> | undefined;
let again = false;

/**
 * Drains the upload queue, one run at a time in this worker. It is called when the
 * worker starts, when the volunteer asks, and by the alarm; the queue lives in
 * IndexedDB, so a worker or browser that stops mid-upload loses nothing.
 */
export function runUploads(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await runOnce();
    } while (again);
  })().finally(() => {
    running = undefined;
  });
  return running;
}

async function runOnce(): Promise<void> {
  const db = await getDb();
  const enrollment = await getMeta(db, 'enrollment');
  const pending = (await db.getAll('uploads')).some(
    (job) => job.status === 'queued' || job.status === 'uploading',
  );
  if (!enrollment || !pending) {
    await browser.alarms.clear(UPLOAD_ALARM);
    return;
  }
  // A watchdog: if this worker is stopped mid-upload, the alarm wakes the next one.
  await browser.alarms.create(UPLOAD_ALARM, { delayInMinutes: 1 });
  const result = await drainUploads(db, enrollment, {
    timing: UPLOAD_TIMING,
    extensionVersion: browser.runtime.getManifest().version,
  });
  if (result.state !== 'waiting') {
    await browser.alarms.clear(UPLOAD_ALARM);
    return;
  }
  await browser.alarms.create(UPLOAD_ALARM, {
    when: Math.max(result.at, Date.now() + ALARM_FLOOR_MS),
  });
  const delay = result.at - Date.now();
  if (delay < ALARM_FLOOR_MS) setTimeout(() => void runUploads(), Math.max(0, delay));
}
