import type { IDBPObjectStore, StoreNames } from 'idb';
import type { StoredChunk, TasktraceDB } from './schema';
import { sessionChunks, unsentFlag } from './session-chunks';

/** The `chunks` store in any transaction that includes it. */
export type ChunkStore<Mode extends IDBTransactionMode = IDBTransactionMode> = IDBPObjectStore<
  TasktraceDB,
  ArrayLike<StoreNames<TasktraceDB>>,
  'chunks',
  Mode
>;

/**
 * The chunks that may hold events numbered `from` to `to`: the last one starting at or
 * before `from`, and every one starting after it up to `to`. Two requests, issued together.
 */
export async function chunksCovering(
  store: ChunkStore,
  sessionId: string,
  from: number,
  to: number,
): Promise<StoredChunk[]> {
  const [before, rest] = await Promise.all([
    store.openCursor(IDBKeyRange.bound([sessionId, 0], [sessionId, from]), 'prev'),
    from < to ? store.getAll(IDBKeyRange.bound([sessionId, from], [sessionId, to], true)) : [],
  ]);
  return before ? [before.value, ...rest] : rest;
}

/**
 * Writes a chunk back after its events or their states changed: a chunk left with no
 * event is deleted, and its `unsent` flag is worked out again.
 */
export function saveChunk(store: ChunkStore<'readwrite' | 'versionchange'>, chunk: StoredChunk) {
  if (chunk.events.length === 0) return store.delete([chunk.session, chunk.first]);
  return store.put({ ...chunk, unsent: unsentFlag(chunk.uploaded) });
}

/** Every chunk of a session, in order. */
export function readSessionChunks(store: ChunkStore, sessionId: string): Promise<StoredChunk[]> {
  return store.getAll(sessionChunks(sessionId));
}
