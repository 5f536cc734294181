import type { Db } from './open-db';

/** Marks events acknowledged by the collector and updates the session's count. */
export async function markUploaded(
  db: Db,
  sessionId: string,
  seqs: readonly number[],
): Promise<void> {
  const tx = db.transaction(['events', 'sessions'], 'readwrite');
  const events = tx.objectStore('events');
  let marked = 0;
  for (const seq of seqs) {
    const stored = await events.get([sessionId, seq]);
    if (stored && stored.uploaded === 0) {
      stored.uploaded = 1;
      await events.put(stored);
      marked += 1;
    }
  }
  const session = await tx.objectStore('sessions').get(sessionId);
  if (session) {
    session.uploadedCount += marked;
    await tx.objectStore('sessions').put(session);
  }
  await tx.done;
}
