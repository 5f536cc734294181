import { chunksCovering, saveChunk } from './chunk-store';
import type { Db } from './open-db';

/** Marks events acknowledged by the collector and updates the session's count. */
export async function markUploaded(
  db: Db,
  sessionId: string,
  seqs: readonly number[],
): Promise<void> {
  if (seqs.length === 0) return;
  const tx = db.transaction(['chunks', 'sessions'], 'readwrite');
  const chunks = tx.objectStore('chunks');
  const wanted = new Set(seqs);
  // A batch is a run of consecutive events: the few chunks around it hold them all.
  const covering = await chunksCovering(chunks, sessionId, Math.min(...seqs), Math.max(...seqs));
  let marked = 0;
  for (const chunk of covering) {
    let changed = false;
    chunk.events.forEach((event, index) => {
      if (wanted.has(event.seq) && chunk.uploaded[index] === 0) {
        chunk.uploaded[index] = 1;
        changed = true;
        marked += 1;
      }
    });
    if (changed) await saveChunk(chunks, chunk);
  }
  const session = await tx.objectStore('sessions').get(sessionId);
  if (session) {
    session.uploadedCount += marked;
    await tx.objectStore('sessions').put(session);
  }
  await tx.done;
}
