import type { Enrollment, ReviewSessionSummary } from '../schema';
import type { StoredSession, UploadJob } from './schema';

/** How review describes one stored session; `taskCount` is worked out by the caller. */
export function reviewSummary(
  session: StoredSession,
  job: UploadJob | undefined,
  context: { taskCount: number; currentSession: string | undefined; enrollment?: Enrollment },
): ReviewSessionSummary {
  return {
    id: session.id,
    startedAt: session.startedAt,
    lastEventAt: session.lastEventAt,
    endedAt: session.endedAt,
    nextSeq: session.nextSeq,
    eventCount: session.eventCount,
    uploadedCount: session.uploadedCount,
    taskCount: context.taskCount,
    recording: session.endedAt === null && session.id === context.currentSession,
    uploadable:
      context.enrollment !== undefined &&
      session.studyId !== null &&
      session.studyId === context.enrollment.study.id,
    job: job ? { status: job.status, error: job.error, quarantined: job.quarantined.length } : null,
  };
}
