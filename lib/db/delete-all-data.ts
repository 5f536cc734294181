import type { Db } from './open-db';

/**
 * Removes everything the extension stored: events, sessions, enrollment, token and
 * settings, in one transaction, so leaving never leaves half a study behind.
 */
export async function deleteAllData(db: Db): Promise<{ sessions: number; events: number }> {
  const tx = db.transaction(['chunks', 'senders', 'sessions', 'meta', 'uploads'], 'readwrite');
  const sessions = await tx.objectStore('sessions').count();
  // Counted chunk by chunk, so memory stays flat however much is stored.
  let events = 0;
  let cursor = await tx.objectStore('chunks').openCursor();
  while (cursor) {
    events += cursor.value.events.length;
    cursor = await cursor.continue();
  }
  await Promise.all([
    tx.objectStore('chunks').clear(),
    tx.objectStore('senders').clear(),
    tx.objectStore('sessions').clear(),
    tx.objectStore('meta').clear(),
    tx.objectStore('uploads').clear(),
  ]);
  await tx.done;
  return { sessions, events };
}
