import type { Db } from './open-db';
import { openSession } from './open-session';

/** The task started in the open session and not yet ended, if any. */
export async function openTask(db: Db): Promise<{ goal: string; startedAt: number } | null> {
  const session = await openSession(db);
  if (!session) return null;
  const range = IDBKeyRange.bound([session.id, 0], [session.id, Number.MAX_SAFE_INTEGER]);
  let cursor = await db.transaction('events').store.openCursor(range, 'prev');
  while (cursor) {
    const { event } = cursor.value;
    if (event.kind === 'task-end') return null;
    if (event.kind === 'task-start') return { goal: event.goal, startedAt: event.t };
    cursor = await cursor.continue();
  }
  return null;
}
