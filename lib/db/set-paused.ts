import { appendEvents } from './append-events';
import { IDLE_MS, ingestEvents } from './ingest-events';
import type { Db } from './open-db';
import type { MetaValues } from './schema';

/**
 * Pausing writes a `pause` marker into the open session in the same transaction as the
 * flag, so no event can slip in between; resuming writes a `resume` marker. The session
 * stays open across a short pause, so both markers land in it; after a long one the
 * `resume` opens the next session and says why it began.
 */
export async function setPaused(
  db: Db,
  paused: boolean,
  now = Date.now(),
  reason: MetaValues['pausedReason'] = 'volunteer',
): Promise<void> {
  const tx = db.transaction(['chunks', 'sessions', 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  const wasPaused = ((await meta.get('paused')) as boolean | undefined) ?? false;
  const previousReason = (await meta.get('pausedReason')) as MetaValues['pausedReason'] | undefined;
  await meta.put(paused, 'paused');
  await meta.put(reason, 'pausedReason');
  // Out of storage, even a marker may not fit: the flag alone stops capture.
  if (paused && !wasPaused && reason !== 'quota') {
    const currentId = (await meta.get('currentSession')) as
      | MetaValues['currentSession']
      | undefined;
    const session = currentId ? await tx.objectStore('sessions').get(currentId) : undefined;
    if (session && session.endedAt === null && now - session.lastEventAt <= IDLE_MS) {
      await appendEvents(tx.objectStore('chunks'), session.id, session.nextSeq, [
        { kind: 'pause', session: session.id, seq: session.nextSeq, t: now },
      ]);
      session.nextSeq += 1;
      session.eventCount += 1;
      session.lastEventAt = now;
      await tx.objectStore('sessions').put(session);
    }
  }
  await tx.done;
  if (!paused && wasPaused && previousReason !== 'quota') {
    await ingestEvents(db, [{ draft: { kind: 'resume', t: now } }], now);
  }
}
