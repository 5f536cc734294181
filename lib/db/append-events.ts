import type { TraceEvent } from '../schema';
import { type ChunkStore, saveChunk } from './chunk-store';
import type { StoredChunk } from './schema';
import { sessionChunks } from './session-chunks';

/** Most events one chunk holds: an upload batch's worth, so rewriting one stays cheap. */
export const MAX_CHUNK_EVENTS = 500;

/**
 * New events go into the session's last chunk only while it is this small. Appending
 * rewrites the chunk, so the limit bounds that cost per transaction; without it, events
 * arriving a few at a time would make a chunk of a few events per transaction.
 */
export const APPEND_BELOW = 100;

/** The key (first sequence number) of the session's last chunk, if it has one. */
export async function lastChunkFirst(
  store: ChunkStore,
  sessionId: string,
): Promise<number | undefined> {
  const cursor = await store.openKeyCursor(sessionChunks(sessionId), 'prev');
  return cursor?.key[1];
}

/**
 * The last chunk, when new events should join it. Every event numbered from its first
 * on lies in it, so `nextSeq - first` bounds its size without reading it: a large one
 * is never read.
 */
export async function appendableChunk(
  store: ChunkStore,
  sessionId: string,
  nextSeq: number,
  first: number | undefined,
): Promise<StoredChunk | undefined> {
  if (first === undefined || nextSeq - first >= APPEND_BELOW) return undefined;
  const chunk = await store.get([sessionId, first]);
  // Nothing joins a chunk the collector already has part of: new events start a chunk
  // of their own, so freeing space when storage is full deletes whole chunks, and a
  // delete is the one write IndexedDB still allows then.
  return chunk && chunk.events.length < APPEND_BELOW && !chunk.uploaded.some((state) => state !== 0)
    ? chunk
    : undefined;
}

/**
 * The chunk records that store `events` (consecutive, in order, all new): the tail
 * filled up to the limit, then new chunks of at most `MAX_CHUNK_EVENTS`.
 */
export function chunksWith(
  tail: StoredChunk | undefined,
  sessionId: string,
  events: readonly TraceEvent[],
): StoredChunk[] {
  const chunks: StoredChunk[] = [];
  let index = 0;
  if (tail) {
    const room = MAX_CHUNK_EVENTS - tail.events.length;
    const joining = events.slice(0, room);
    chunks.push({
      ...tail,
      events: [...tail.events, ...joining],
      uploaded: [...tail.uploaded, ...joining.map(() => 0 as const)],
      unsent: 1,
    });
    index = joining.length;
  }
  for (; index < events.length; index += MAX_CHUNK_EVENTS) {
    const part = events.slice(index, index + MAX_CHUNK_EVENTS);
    chunks.push({
      session: sessionId,
      first: part[0]!.seq,
      events: part,
      uploaded: part.map(() => 0),
      unsent: 1,
    });
  }
  return chunks;
}

/** Appends events to a session inside a transaction, for writers of a single event. */
export async function appendEvents(
  store: ChunkStore<'readwrite'>,
  sessionId: string,
  nextSeq: number,
  events: readonly TraceEvent[],
): Promise<void> {
  const first = await lastChunkFirst(store, sessionId);
  const tail = await appendableChunk(store, sessionId, nextSeq, first);
  await Promise.all(chunksWith(tail, sessionId, events).map((chunk) => saveChunk(store, chunk)));
}
