import type { Db } from './open-db';
import type { MetaValues, StoredEvent } from './schema';

/**
 * Pausing by the volunteer writes a `pause` marker into the open session and ends it, in the same
 * transaction as the flag, so no event can slip in between.
 */
export async function setPaused(
  db: Db,
  paused: boolean,
  now = Date.now(),
  reason: MetaValues['pausedReason'] = 'volunteer',
): Promise<void> {
  const tx = db.transaction(['events', 'sessions', 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  await meta.put(paused, 'paused');
  await meta.put(reason, 'pausedReason');
  // Out of storage, even a marker may not fit: the flag alone stops capture.
  if (paused && reason === 'volunteer') {
    const currentId = (await meta.get('currentSession')) as
      | MetaValues['currentSession']
      | undefined;
    const session = currentId ? await tx.objectStore('sessions').get(currentId) : undefined;
    if (session && session.endedAt === null) {
      const marker: StoredEvent = {
        session: session.id,
        seq: session.nextSeq,
        event: { kind: 'pause', session: session.id, seq: session.nextSeq, t: now },
        uploaded: 0,
      };
      await tx.objectStore('events').add(marker);
      session.nextSeq += 1;
      session.eventCount += 1;
      session.lastEventAt = now;
      session.endedAt = now;
      session.endReason = 'pause';
      await tx.objectStore('sessions').put(session);
    }
  }
  await tx.done;
}
