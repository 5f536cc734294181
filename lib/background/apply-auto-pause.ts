import { browser } from 'wxt/browser';
import { getMeta } from '../db/meta';
import { getDb } from '../db/open-db';
import { getRecordingTerms } from '../db/recording-terms';
import { isStorageFull } from '../settings/storage-full';
import { setRecordingPaused } from './set-recording-paused';
import { updateBadges } from './update-badges';

/** The browsers' own detection interval, restored when auto-pause is off. */
const DEFAULT_DETECTION_SECONDS = 60;
/** The shortest interval the idle API accepts. */
const MIN_DETECTION_SECONDS = 15;

/** Tells the browser after how long without input to report the volunteer as idle. */
export async function syncIdleDetection(): Promise<void> {
  const minutes = (await getMeta(await getDb(), 'autoPauseMinutes')) ?? 0;
  const seconds =
    minutes > 0 ? Math.max(MIN_DETECTION_SECONDS, minutes * 60) : DEFAULT_DETECTION_SECONDS;
  await browser.idle.setDetectionInterval(seconds);
}

/**
 * Pauses when the volunteer has been away (or locked the screen) for the minutes they
 * chose. It never resumes by itself: they resume from the popup or the shortcut, and
 * until then the badge shows paused. The idle state itself is never recorded.
 */
export async function onIdleStateChanged(state: 'active' | 'idle' | 'locked'): Promise<void> {
  if (state !== 'idle' && state !== 'locked') return;
  const db = await getDb();
  const minutes = (await getMeta(db, 'autoPauseMinutes')) ?? 0;
  if (minutes <= 0) return;
  if (!(await getRecordingTerms(db))) return;
  if ((await getMeta(db, 'paused')) || (await isStorageFull())) return;
  await setRecordingPaused(true, 'idle');
  await updateBadges();
}
