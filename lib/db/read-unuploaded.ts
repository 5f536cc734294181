import type { ChunkStore } from './chunk-store';
import type { Db } from './open-db';
import type { StoredEvent } from './schema';
import { flattenChunks } from './session-chunks';

/** Chunks of a session that still hold an event the collector lacks, in order. */
export function unsentChunks(sessionId: string): IDBKeyRange {
  return IDBKeyRange.bound([sessionId, 1, 0], [sessionId, 1, Number.MAX_SAFE_INTEGER]);
}

/**
 * The oldest events of a session that the collector has not acknowledged, in order.
 * Chunks already sent are skipped by the `byUnsent` index, so a long session's
 * upload does not read its sent part again for every batch.
 */
export async function readUnuploaded(
  db: Db,
  sessionId: string,
  limit: number,
): Promise<StoredEvent[]> {
  const index = db.transaction('chunks').store.index('byUnsent');
  const found: StoredEvent[] = [];
  let cursor = await index.openCursor(unsentChunks(sessionId));
  while (cursor && found.length < limit) {
    for (const entry of flattenChunks([cursor.value])) {
      if (entry.uploaded === 0 && found.length < limit) found.push(entry);
    }
    cursor = found.length < limit ? await cursor.continue() : null;
  }
  return found;
}

/** Every unsent event of a session, in order, read in the caller's transaction. */
export async function readAllUnsent(store: ChunkStore, sessionId: string): Promise<StoredEvent[]> {
  const chunks = await store.index('byUnsent').getAll(unsentChunks(sessionId));
  return flattenChunks(chunks).filter((entry) => entry.uploaded === 0);
}
