import { getDb } from '../db/open-db';
import type { MetaValues } from '../db/schema';
import { setPaused } from '../db/set-paused';
import { setStorageFull } from '../settings/storage-full';
import { publishRecorderSettings } from './publish-recorder-settings';

/**
 * Pauses or resumes from anywhere the volunteer can ask (popup, keyboard command,
 * auto-pause) and tells every open recorder at once.
 */
export async function setRecordingPaused(
  paused: boolean,
  reason: MetaValues['pausedReason'] = 'volunteer',
): Promise<void> {
  // Resuming after a full disk is the volunteer's call: they freed space or uploaded.
  if (!paused) await setStorageFull(false);
  await setPaused(await getDb(), paused, Date.now(), reason);
  await publishRecorderSettings();
}
