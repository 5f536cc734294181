import type { DeleteSessionOutcome } from '../schema';
import type { Db } from './open-db';
import { SESSION_GONE } from './read-review-session';
import { countEvents, sessionChunks } from './session-chunks';

/**
 * The volunteer deletes a whole session in review: its events, the session and its
 * upload job go in one transaction. If it was still recording, the next step starts
 * a new session. The collector keeps what it already had.
 */
export async function deleteSession(db: Db, id: string): Promise<DeleteSessionOutcome> {
  const tx = db.transaction(['chunks', 'sessions', 'uploads', 'meta'], 'readwrite');
  const session = await tx.objectStore('sessions').get(id);
  if (!session) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error(SESSION_GONE);
  }
  const range = sessionChunks(id);
  const deleted = countEvents(await tx.objectStore('chunks').getAll(range));
  await tx.objectStore('chunks').delete(range);
  await tx.objectStore('sessions').delete(id);
  await tx.objectStore('uploads').delete(id);
  if ((await tx.objectStore('meta').get('currentSession')) === id) {
    await tx.objectStore('meta').delete('currentSession');
  }
  await tx.done;
  return { deleted, alreadyUploaded: session.uploadedCount };
}
