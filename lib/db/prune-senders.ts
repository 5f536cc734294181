import type { Db } from './open-db';

/** A content script resends within seconds; a week untouched means it is long gone. */
export const SENDER_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Forgets the stored-event ranges of content scripts that have not sent for a week. */
export async function pruneSenders(db: Db, now = Date.now()): Promise<number> {
  const tx = db.transaction('senders', 'readwrite');
  let pruned = 0;
  let cursor = await tx.store.openCursor();
  while (cursor) {
    if (cursor.value.touchedAt < now - SENDER_TTL_MS) {
      await cursor.delete();
      pruned += 1;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return pruned;
}
