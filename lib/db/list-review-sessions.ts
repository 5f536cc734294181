import type { ReviewList } from '../schema';
import { type RecordingMode, recordingModeOf } from '../schema';
import { sessionTasks } from '../trace/session-tasks';
import { type ChunkStore, chunksCovering } from './chunk-store';
import { getMeta } from './meta';
import type { Db } from './open-db';
import { reviewSummary } from './review-summary';
import type { StoredSession } from './schema';

/**
 * Task counts by session, so the list does not read every event each time it is
 * shown. The key changes whenever a step is added or deleted or the tasks are saved.
 */
const taskCounts = new Map<string, { key: string; count: number }>();

/** Every session on this computer, newest first, with its steps, tasks and upload job. */
export async function listReviewSessions(db: Db): Promise<ReviewList> {
  const [enrollment, local, currentSession] = await Promise.all([
    getMeta(db, 'enrollment'),
    getMeta(db, 'local'),
    getMeta(db, 'currentSession'),
  ]);
  const mode: RecordingMode = recordingModeOf(enrollment, local);
  const tx = db.transaction(['sessions', 'uploads', 'chunks']);
  const [stored, jobs] = await Promise.all([
    tx.objectStore('sessions').getAll(),
    tx.objectStore('uploads').getAll(),
  ]);
  const jobById = new Map(jobs.map((job) => [job.session, job]));
  const sessions = [];
  for (const session of stored) {
    const taskCount = await countTasks(db.name, tx.objectStore('chunks'), session);
    sessions.push(
      reviewSummary(session, jobById.get(session.id), { taskCount, currentSession, enrollment }),
    );
  }
  await tx.done;
  sessions.sort((a, b) => b.startedAt - a.startedAt);
  return { mode, studyName: enrollment?.study.name ?? null, sessions };
}

async function countTasks(
  dbName: string,
  chunks: ChunkStore,
  session: StoredSession,
): Promise<number> {
  const saved = session.tasks;
  // Saved, and nothing recorded since: no event needs reading.
  if (saved && saved.through >= session.nextSeq) return saved.spans.length;
  const cacheKey = `${dbName}/${session.id}`;
  const key = `${session.nextSeq}:${session.eventCount}:${saved?.savedAt ?? ''}`;
  const cached = taskCounts.get(cacheKey);
  if (cached?.key === key) return cached.count;
  const from = saved?.through ?? 0;
  const stored = await chunksCovering(chunks, session.id, from, Number.MAX_SAFE_INTEGER);
  const count = sessionTasks(
    stored.flatMap((chunk) => chunk.events).filter((event) => event.seq >= from),
    saved,
  ).length;
  taskCounts.set(cacheKey, { key, count });
  return count;
}
