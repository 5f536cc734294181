import type { Db } from './open-db';
import { openSession } from './open-session';
import { sessionChunks } from './session-chunks';

/** The task started in the open session and not yet ended, if any. */
export async function openTask(db: Db): Promise<{ goal: string; startedAt: number } | null> {
  const session = await openSession(db);
  if (!session) return null;
  // From the newest event back: the last task marker decides.
  let cursor = await db.transaction('chunks').store.openCursor(sessionChunks(session.id), 'prev');
  while (cursor) {
    for (const event of [...cursor.value.events].reverse()) {
      if (event.kind === 'task-end') return null;
      if (event.kind === 'task-start') return { goal: event.goal, startedAt: event.t };
    }
    cursor = await cursor.continue();
  }
  return null;
}
