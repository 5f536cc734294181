import type { Db } from '../../../lib/db/open-db';
import type { StoredEvent } from '../../../lib/db/schema';
import { flattenChunks, sessionChunks } from '../../../lib/db/session-chunks';

/** Every stored event, or one session's, taken out of its chunk, in key order. */
export async function storedEvents(db: Db, sessionId?: string): Promise<StoredEvent[]> {
  const chunks = await db.getAll('chunks', sessionId ? sessionChunks(sessionId) : undefined);
  return flattenChunks(chunks);
}

/** How many events are stored, in however many chunks. */
export async function countStoredEvents(db: Db): Promise<number> {
  return (await storedEvents(db)).length;
}
