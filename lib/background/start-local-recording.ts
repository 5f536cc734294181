import { getMeta, setMeta } from '../db/meta';
import type { Db } from '../db/open-db';
import type { CaptureLevel } from '../schema';

/**
 * Recording for oneself: no study, no collector, no sites until the volunteer adds
 * them one by one. A study and local recording never run together, so every event
 * has exactly one set of terms.
 */
export async function startLocalRecording(
  db: Db,
  captureLevel: CaptureLevel,
  now = Date.now(),
): Promise<void> {
  if (await getMeta(db, 'enrollment')) {
    throw new Error('You are in a study. Leave it first to record for yourself only.');
  }
  const existing = await getMeta(db, 'local');
  await setMeta(db, 'local', {
    sites: existing?.sites ?? [],
    captureLevel,
    startedAt: existing?.startedAt ?? now,
  });
}
