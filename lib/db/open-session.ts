import { getMeta } from './meta';
import type { Db } from './open-db';

/** The session events are being added to, if one is open. */
export async function openSession(db: Db) {
  const currentId = await getMeta(db, 'currentSession');
  const session = currentId ? await db.get('sessions', currentId) : undefined;
  return session && session.endedAt === null ? session : undefined;
}
