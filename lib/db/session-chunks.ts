import type { StoredChunk, StoredEvent } from './schema';

/** Every chunk key of one session. */
export function sessionChunks(sessionId: string): IDBKeyRange {
  return IDBKeyRange.bound([sessionId, 0], [sessionId, Number.MAX_SAFE_INTEGER]);
}

/** Chunks' events one by one, in the chunks' order. */
export function flattenChunks(chunks: readonly StoredChunk[]): StoredEvent[] {
  const stored: StoredEvent[] = [];
  for (const chunk of chunks) {
    chunk.events.forEach((event, index) => {
      stored.push({
        session: chunk.session,
        seq: event.seq,
        event,
        uploaded: chunk.uploaded[index] ?? 0,
      });
    });
  }
  return stored;
}

/** How many events these chunks hold. */
export function countEvents(chunks: readonly StoredChunk[]): number {
  return chunks.reduce((sum, chunk) => sum + chunk.events.length, 0);
}

/** Whether a chunk still has an event the collector lacks: what the `byUnsent` index sorts by. */
export function unsentFlag(uploaded: readonly number[]): 0 | 1 {
  return uploaded.includes(0) ? 1 : 0;
}

/** The chunk with only the events `keep` marks, its `unsent` flag worked out again. */
export function keepEvents(chunk: StoredChunk, keep: readonly boolean[]): StoredChunk {
  const uploaded = chunk.uploaded.filter((_, index) => keep[index]);
  return {
    ...chunk,
    events: chunk.events.filter((_, index) => keep[index]),
    uploaded,
    unsent: unsentFlag(uploaded),
  };
}
