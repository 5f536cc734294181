import type { Db } from './open-db';
import { keepEvents } from './session-chunks';

/**
 * When a site's permission is revoked or consent withdrawn, its events that have not
 * left the machine are deleted. Sessions' counts follow.
 */
export async function deleteUnsentFromOrigins(
  db: Db,
  isRevoked: (origin: string) => boolean,
): Promise<number> {
  const tx = db.transaction(['chunks', 'sessions'], 'readwrite');
  const removedBySession = new Map<string, number>();
  let cursor = await tx.objectStore('chunks').openCursor();
  while (cursor) {
    const chunk = cursor.value;
    const keep = chunk.events.map((event, index) => {
      const origin = 'page' in event ? event.page?.origin : undefined;
      return !(chunk.uploaded[index] === 0 && origin !== undefined && isRevoked(origin));
    });
    const removed = keep.filter((kept) => !kept).length;
    if (removed === chunk.events.length) await cursor.delete();
    else if (removed > 0) await cursor.update(keepEvents(chunk, keep));
    if (removed > 0) {
      removedBySession.set(chunk.session, (removedBySession.get(chunk.session) ?? 0) + removed);
    }
    cursor = await cursor.continue();
  }
  for (const [id, removed] of removedBySession) {
    const session = await tx.objectStore('sessions').get(id);
    if (!session) continue;
    session.eventCount -= removed;
    await tx.objectStore('sessions').put(session);
  }
  await tx.done;
  return [...removedBySession.values()].reduce((sum, count) => sum + count, 0);
}
