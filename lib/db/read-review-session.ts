import type { ReviewSessionDetail } from '../schema';
import { type RecordingMode, recordingModeOf } from '../schema';
import { sessionTasks } from '../trace/session-tasks';
import { getMeta } from './meta';
import type { Db } from './open-db';
import { reviewSummary } from './review-summary';
import { flattenChunks, sessionChunks } from './session-chunks';

export const SESSION_GONE = 'This session is no longer on this computer.';

/** One session for review: its steps in order, its tasks and its upload job. */
export async function readReviewSession(db: Db, id: string): Promise<ReviewSessionDetail> {
  const [enrollment, local, currentSession] = await Promise.all([
    getMeta(db, 'enrollment'),
    getMeta(db, 'local'),
    getMeta(db, 'currentSession'),
  ]);
  const mode: RecordingMode = recordingModeOf(enrollment, local);
  const tx = db.transaction(['sessions', 'uploads', 'chunks']);
  const [session, job, stored] = await Promise.all([
    tx.objectStore('sessions').get(id),
    tx.objectStore('uploads').get(id),
    tx.objectStore('chunks').getAll(sessionChunks(id)),
  ]);
  await tx.done;
  if (!session) throw new Error(SESSION_GONE);
  const steps = flattenChunks(stored).map(({ event, uploaded }) => ({ event, uploaded }));
  const tasks = sessionTasks(
    steps.map((step) => step.event),
    session.tasks,
  );
  return {
    mode,
    studyName: enrollment?.study.name ?? null,
    session: reviewSummary(session, job, {
      taskCount: tasks.length,
      currentSession,
      enrollment,
    }),
    steps,
    tasks,
    tasksEdited: session.tasks !== undefined,
  };
}
