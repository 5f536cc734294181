import { setMeta } from '../db/meta';
import { getDb } from '../db/open-db';
import { syncIdleDetection } from './apply-auto-pause';

export const MAX_AUTO_PAUSE_MINUTES = 240;

/** Sets after how many idle minutes recording pauses itself; 0 turns auto-pause off. */
export async function setAutoPauseMinutes(minutes: number): Promise<void> {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_AUTO_PAUSE_MINUTES) {
    throw new Error(
      `Auto-pause takes a whole number of minutes from 0 (off) to ${MAX_AUTO_PAUSE_MINUTES}.`,
    );
  }
  await setMeta(await getDb(), 'autoPauseMinutes', minutes);
  await syncIdleDetection();
}
