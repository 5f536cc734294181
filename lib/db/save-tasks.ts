import type { TaskSpan } from '../schema';
import { checkTasks } from '../trace/check-tasks';
import type { Db } from './open-db';
import { SESSION_GONE } from './read-review-session';

/**
 * The volunteer's task list for a session, replacing the one read from task markers.
 * `through` is the session's next sequence number as the page saw it: task markers
 * recorded after that still add their own tasks. Refuses overlapping or invalid tasks.
 */
export async function saveTasks(
  db: Db,
  sessionId: string,
  tasks: readonly unknown[],
  through?: number,
  now = Date.now(),
): Promise<TaskSpan[]> {
  const tx = db.transaction('sessions', 'readwrite');
  const session = await tx.store.get(sessionId);
  if (!session) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error(SESSION_GONE);
  }
  const upTo = Math.min(through ?? session.nextSeq, session.nextSeq);
  let spans: TaskSpan[];
  try {
    spans = checkTasks(tasks, upTo);
  } catch (error) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  session.tasks = { spans, through: upTo, savedAt: now };
  await tx.store.put(session);
  await tx.done;
  return spans;
}
