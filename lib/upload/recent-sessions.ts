import type { StoredSession, UploadJob } from '../db/schema';
import type { RecentSession } from '../schema';

/**
 * The newest sessions (and any older one still uploading or failed) as the popup lists them, each with where it stands: still
 * recording, kept here (never asked to upload, or recorded for oneself), or its upload.
 */
export function recentSessions(
  sessions: StoredSession[],
  jobs: UploadJob[],
  currentSession: string | undefined,
  limit = 3,
): RecentSession[] {
  const byId = new Map(jobs.map((job) => [job.session, job]));
  const newest = [...sessions]
    .filter((session) => session.eventCount > 0)
    .sort((a, b) => b.startedAt - a.startedAt);
  // An older session whose upload is under way or failed stays in view until it settles.
  const unsettled = (id: string) => ['uploading', 'failed'].includes(byId.get(id)?.status ?? '');
  return newest
    .filter((session, index) => index < limit || unsettled(session.id))
    .slice(0, limit + 2)
    .map((session) => {
      const job = byId.get(session.id);
      const total = session.eventCount - (job?.quarantined.length ?? 0);
      const recording = session.endedAt === null && session.id === currentSession;
      return {
        session: session.id,
        startedAt: session.startedAt,
        steps: session.eventCount,
        status: job ? job.status : recording ? 'recording' : 'kept',
        sent: Math.min(session.uploadedCount, total),
        total,
        error: job?.error ?? null,
      };
    });
}
