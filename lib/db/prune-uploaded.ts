import type { Db } from './open-db';

/**
 * Frees space by deleting events the collector already has. Sessions keep their
 * counts, so the popup and review still show what was uploaded.
 */
export async function pruneUploaded(db: Db): Promise<number> {
  const tx = db.transaction(['events', 'sessions'], 'readwrite');
  let pruned = 0;
  for (const session of await tx.objectStore('sessions').getAll()) {
    const range = IDBKeyRange.bound([session.id, 1, 0], [session.id, 1, Number.MAX_SAFE_INTEGER]);
    const keys = await tx.objectStore('events').index('byUpload').getAllKeys(range);
    for (const key of keys) await tx.objectStore('events').delete(key);
    pruned += keys.length;
  }
  await tx.done;
  return pruned;
}
