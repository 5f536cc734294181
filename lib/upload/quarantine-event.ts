import type { Db } from '../db/open-db';

/** An event the collector can never take stays here, out of the upload queue. */
export async function quarantineEvent(db: Db, sessionId: string, seq: number): Promise<void> {
  const tx = db.transaction(['events', 'uploads'], 'readwrite');
  const stored = await tx.objectStore('events').get([sessionId, seq]);
  if (stored && stored.uploaded === 0) {
    stored.uploaded = 2;
    await tx.objectStore('events').put(stored);
  }
  const job = await tx.objectStore('uploads').get(sessionId);
  if (job && !job.quarantined.includes(seq)) {
    job.quarantined.push(seq);
    job.error = `${job.quarantined.length === 1 ? 'One event is' : `${job.quarantined.length} events are`} too large for the collector to accept (HTTP 413); ${job.quarantined.length === 1 ? 'it stays' : 'they stay'} on this computer and everything else uploads.`;
    await tx.objectStore('uploads').put(job);
  }
  await tx.done;
}
