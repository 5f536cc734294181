import { isQuotaError } from './is-quota-error';
import type { Db } from './open-db';
import { keepEvents } from './session-chunks';

/**
 * Frees space by deleting events the collector already has. Sessions keep their
 * counts, so the popup and review still show what was uploaded. Whole chunks go first,
 * in a transaction of deletes only: when storage is full IndexedDB refuses any write
 * that stores bytes, so rewriting a chunk that is only partly uploaded comes after and
 * may fail; what it would have freed then stays.
 */
export async function pruneUploaded(db: Db): Promise<number> {
  const { pruned, partial } = await deleteUploadedChunks(db);
  try {
    return pruned + (await trimPartialChunks(db, partial));
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    return pruned;
  }
}

async function deleteUploadedChunks(db: Db) {
  const tx = db.transaction('chunks', 'readwrite');
  let pruned = 0;
  const partial: IDBValidKey[] = [];
  // Chunk by chunk: this runs when storage is full, when reading it all at once might not fit.
  let cursor = await tx.store.openCursor();
  while (cursor) {
    const uploaded = cursor.value.uploaded.filter((state) => state === 1).length;
    if (uploaded === cursor.value.events.length) {
      await cursor.delete();
      pruned += uploaded;
    } else if (uploaded > 0) partial.push(cursor.primaryKey);
    cursor = await cursor.continue();
  }
  await tx.done;
  return { pruned, partial };
}

async function trimPartialChunks(db: Db, keys: readonly IDBValidKey[]): Promise<number> {
  if (keys.length === 0) return 0;
  const tx = db.transaction('chunks', 'readwrite');
  let pruned = 0;
  for (const key of keys) {
    const chunk = await tx.store.get(key as [string, number]);
    if (!chunk) continue;
    const keep = chunk.uploaded.map((state) => state !== 1);
    pruned += keep.filter((kept) => !kept).length;
    await tx.store.put(keepEvents(chunk, keep));
  }
  await tx.done;
  return pruned;
}
