import type { Db } from './open-db';
import type { StoredEvent } from './schema';

/** The oldest events of a session that the collector has not acknowledged, in order. */
export async function readUnuploaded(
  db: Db,
  sessionId: string,
  limit: number,
): Promise<StoredEvent[]> {
  const range = IDBKeyRange.bound([sessionId, 0, 0], [sessionId, 0, Number.MAX_SAFE_INTEGER]);
  return db.getAllFromIndex('events', 'byUpload', range, limit);
}
