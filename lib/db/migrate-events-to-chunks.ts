import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { TraceEvent } from '../schema';
import type { StoredChunk, UploadedFlag } from './schema';
import { addToRanges } from './sender-ranges';
import { unsentFlag } from './session-chunks';

/** Events per chunk written by the migration, as a full ingest transaction writes them. */
export const MIGRATED_CHUNK_EVENTS = 200;

/** A record of the `events` store of database versions 1 and 2: one event each. */
export type LegacyEvent = {
  session: string;
  seq: number;
  event: TraceEvent;
  source?: [string, number];
  uploaded: UploadedFlag;
};

/**
 * Version 3: moves every event of the one-record-per-event store into chunks, in session
 * and sequence order, keeping upload states, and turns their sources into sender
 * ranges so resends of them are still recognised; then drops the old store. It runs in
 * the version-change transaction, so a failure leaves version 2 as it was.
 */
export async function migrateEventsToChunks(
  db: IDBPDatabase,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
  now: number,
): Promise<void> {
  const chunks = tx.objectStore('chunks');
  const writes: Promise<unknown>[] = [];
  const cseqs = new Map<string, number[]>();
  let chunk: StoredChunk | undefined;
  const write = () => {
    if (chunk) writes.push(chunks.add({ ...chunk, unsent: unsentFlag(chunk.uploaded) }));
    chunk = undefined;
  };

  // The old store's key is [session, seq]: a cursor meets each session's events in order.
  let cursor = await tx.objectStore('events').openCursor();
  while (cursor) {
    const stored = cursor.value as LegacyEvent;
    if (chunk?.session !== stored.session || chunk.events.length >= MIGRATED_CHUNK_EVENTS) write();
    chunk ??= { session: stored.session, first: stored.seq, events: [], uploaded: [], unsent: 1 };
    chunk.events.push(stored.event);
    chunk.uploaded.push(stored.uploaded);
    if (stored.source) {
      const [clientId, cseq] = stored.source;
      const list = cseqs.get(clientId) ?? [];
      list.push(cseq);
      cseqs.set(clientId, list);
    }
    cursor = await cursor.continue();
  }
  write();
  for (const [clientId, list] of cseqs) {
    writes.push(
      tx.objectStore('senders').put({ clientId, ranges: addToRanges([], list), touchedAt: now }),
    );
  }
  await Promise.all(writes);
  db.deleteObjectStore('events');
}
