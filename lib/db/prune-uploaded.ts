import type { Db } from './open-db';
import { keepEvents } from './session-chunks';

/**
 * Frees space by deleting events the collector already has. Sessions keep their
 * counts, so the popup and review still show what was uploaded.
 */
export async function pruneUploaded(db: Db): Promise<number> {
  const tx = db.transaction('chunks', 'readwrite');
  let pruned = 0;
  // Chunk by chunk: this runs when storage is full, when reading it all at once might not fit.
  let cursor = await tx.store.openCursor();
  while (cursor) {
    const chunk = cursor.value;
    const keep = chunk.uploaded.map((state) => state !== 1);
    const removed = keep.filter((kept) => !kept).length;
    if (removed === chunk.events.length) await cursor.delete();
    else if (removed > 0) await cursor.update(keepEvents(chunk, keep));
    pruned += removed;
    cursor = await cursor.continue();
  }
  await tx.done;
  return pruned;
}
