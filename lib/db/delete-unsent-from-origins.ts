import type { Db } from './open-db';

/**
 * When a site's permission is revoked or consent withdrawn, its events that have not
 * left the machine are deleted. Sessions' counts follow.
 */
export async function deleteUnsentFromOrigins(
  db: Db,
  isRevoked: (origin: string) => boolean,
): Promise<number> {
  const tx = db.transaction(['events', 'sessions'], 'readwrite');
  const removedBySession = new Map<string, number>();
  let cursor = await tx.objectStore('events').openCursor();
  while (cursor) {
    const { event, uploaded, session } = cursor.value;
    const origin = 'page' in event ? event.page?.origin : undefined;
    if (uploaded === 0 && origin !== undefined && isRevoked(origin)) {
      await cursor.delete();
      removedBySession.set(session, (removedBySession.get(session) ?? 0) + 1);
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
