import type { Session } from '../schema';
import type { Db } from './open-db';
import type { MetaValues } from './schema';

/** Ends the open session, if any, as of its last event. */
export async function endOpenSession(
  db: Db,
  reason: NonNullable<Session['endReason']>,
): Promise<Session | undefined> {
  const tx = db.transaction(['sessions', 'meta'], 'readwrite');
  const currentId = (await tx.objectStore('meta').get('currentSession')) as
    | MetaValues['currentSession']
    | undefined;
  const session = currentId ? await tx.objectStore('sessions').get(currentId) : undefined;
  if (session && session.endedAt === null) {
    session.endedAt = session.lastEventAt;
    session.endReason = reason;
    await tx.objectStore('sessions').put(session);
  }
  await tx.done;
  return session;
}
