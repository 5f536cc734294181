import type { Db } from './open-db';

/**
 * Removes everything the extension stored: events, sessions, enrollment, token and
 * settings, in one transaction, so leaving never leaves half a study behind.
 */
export async function deleteAllData(db: Db): Promise<{ sessions: number; events: number }> {
  const tx = db.transaction(['events', 'sessions', 'meta', 'uploads'], 'readwrite');
  const [sessions, events] = await Promise.all([
    tx.objectStore('sessions').count(),
    tx.objectStore('events').count(),
  ]);
  await Promise.all([
    tx.objectStore('events').clear(),
    tx.objectStore('sessions').clear(),
    tx.objectStore('meta').clear(),
    tx.objectStore('uploads').clear(),
  ]);
  await tx.done;
  return { sessions, events };
}
