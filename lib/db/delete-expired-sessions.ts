import type { Db } from './open-db';
import { sessionChunks } from './session-chunks';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes sessions (and their events) that started longer ago than the study keeps data. */
export async function deleteExpiredSessions(
  db: Db,
  retentionDays: number,
  now = Date.now(),
): Promise<number> {
  const cutoff = now - retentionDays * DAY_MS;
  const tx = db.transaction(['sessions', 'chunks', 'uploads'], 'readwrite');
  let deleted = 0;
  for (const session of await tx.objectStore('sessions').getAll()) {
    if (session.startedAt >= cutoff) continue;
    await tx.objectStore('chunks').delete(sessionChunks(session.id));
    await tx.objectStore('sessions').delete(session.id);
    await tx.objectStore('uploads').delete(session.id);
    deleted += 1;
  }
  await tx.done;
  return deleted;
}
