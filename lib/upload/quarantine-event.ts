import { chunksCovering, saveChunk } from '../db/chunk-store';
import type { Db } from '../db/open-db';

/** An event the collector can never take stays here, out of the upload queue. */
export async function quarantineEvent(db: Db, sessionId: string, seq: number): Promise<void> {
  const tx = db.transaction(['chunks', 'uploads'], 'readwrite');
  const chunks = tx.objectStore('chunks');
  for (const chunk of await chunksCovering(chunks, sessionId, seq, seq)) {
    const index = chunk.events.findIndex((event) => event.seq === seq);
    if (index >= 0 && chunk.uploaded[index] === 0) {
      chunk.uploaded[index] = 2;
      await saveChunk(chunks, chunk);
    }
  }
  const job = await tx.objectStore('uploads').get(sessionId);
  if (job && !job.quarantined.includes(seq)) {
    job.quarantined.push(seq);
    job.error = `${job.quarantined.length === 1 ? 'One event is' : `${job.quarantined.length} events are`} too large for the collector to accept (HTTP 413); ${job.quarantined.length === 1 ? 'it stays' : 'they stay'} on this computer and everything else uploads.`;
    await tx.objectStore('uploads').put(job);
  }
  await tx.done;
}
