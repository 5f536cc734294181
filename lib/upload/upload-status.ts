import { getMeta } from '../db/meta';
import type { Db } from '../db/open-db';
import type { ExtensionState } from '../schema';

/** What the volunteer sees about uploads: per session, and for the queue as a whole. */
export async function uploadStatus(
  db: Db,
  now = Date.now(),
): Promise<{ pending: number; upload: ExtensionState['upload'] }> {
  const [sessions, jobs, blocked, retryAt, lastError] = await Promise.all([
    db.getAll('sessions'),
    db.getAll('uploads'),
    getMeta(db, 'uploadBlocked'),
    getMeta(db, 'uploadRetryAt'),
    getMeta(db, 'uploadError'),
  ]);
  const byId = new Map(jobs.map((job) => [job.session, job]));
  const pending = sessions.reduce((sum, session) => {
    const kept = byId.get(session.id)?.quarantined.length ?? 0;
    return sum + Math.max(0, session.eventCount - session.uploadedCount - kept);
  }, 0);
  const rows = sessions
    .filter((session) => byId.has(session.id))
    .map((session) => {
      const job = byId.get(session.id);
      const total = session.eventCount - (job?.quarantined.length ?? 0);
      return {
        session: session.id,
        startedAt: session.startedAt,
        status: job?.status ?? 'queued',
        sent: Math.min(session.uploadedCount, total),
        total,
        error: job?.error ?? null,
      };
    })
    .sort((a, b) => b.startedAt - a.startedAt);
  const waiting = retryAt !== undefined && retryAt > now;
  return {
    pending,
    upload: {
      blocked: blocked ?? null,
      retryAt: waiting ? retryAt : null,
      lastError: waiting ? (lastError ?? null) : null,
      sessions: rows,
    },
  };
}
