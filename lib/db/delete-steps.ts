import type { DeleteStepsOutcome } from '../review/review-types';
import { sessionTasks } from '../review/session-tasks';
import type { TaskSpan } from '../schema';
import type { Db } from './open-db';
import { SESSION_GONE } from './read-review-session';
import type { StoredEvent } from './schema';

type Tx = ReturnType<typeof writeTx>;
const writeTx = (db: Db) => db.transaction(['events', 'sessions', 'uploads'], 'readwrite');

const isTaskMarker = (stored: StoredEvent) =>
  stored.event.kind === 'task-start' || stored.event.kind === 'task-end';

/**
 * The volunteer deletes steps in review: the events are removed from IndexedDB, not
 * hidden, and the session's counts, saved tasks and upload job follow, all in one
 * transaction. Steps the collector already has are deleted here too; it keeps its copy.
 */
export async function deleteSteps(
  db: Db,
  sessionId: string,
  seqs: readonly number[],
  now = Date.now(),
): Promise<DeleteStepsOutcome> {
  const tx = writeTx(db);
  const events = tx.objectStore('events');
  const session = await tx.objectStore('sessions').get(sessionId);
  if (!session) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error(SESSION_GONE);
  }
  const doomed: StoredEvent[] = [];
  for (const seq of new Set(seqs)) {
    const stored = await events.get([sessionId, seq]);
    if (stored) doomed.push(stored);
  }

  // Task markers make the tasks review shows: deleting one must not move a task, so
  // the tasks as the volunteer sees them now are kept as the session's task list.
  let saved = session.tasks;
  if (doomed.some(isTaskMarker)) {
    const all = await events.getAll(
      IDBKeyRange.bound([sessionId, 0], [sessionId, Number.MAX_SAFE_INTEGER]),
    );
    saved = {
      spans: sessionTasks(
        all.map((stored) => stored.event),
        saved,
      ),
      through: session.nextSeq,
      savedAt: now,
    };
  }

  let alreadyUploaded = 0;
  const quarantined = new Set<number>();
  for (const stored of doomed) {
    await events.delete([sessionId, stored.seq]);
    if (stored.uploaded === 1) alreadyUploaded += 1;
    if (stored.uploaded === 2) quarantined.add(stored.seq);
  }
  session.eventCount = Math.max(0, session.eventCount - doomed.length);
  session.uploadedCount = Math.max(0, session.uploadedCount - alreadyUploaded);
  if (saved) {
    session.tasks = {
      ...saved,
      spans: await trimSpans(tx, sessionId, saved.spans),
      savedAt: now,
    };
  }
  await tx.objectStore('sessions').put(session);

  if (quarantined.size > 0) {
    const job = await tx.objectStore('uploads').get(sessionId);
    if (job) {
      job.quarantined = job.quarantined.filter((seq) => !quarantined.has(seq));
      if (job.status !== 'failed') job.error = quarantineNote(job.quarantined.length);
      await tx.objectStore('uploads').put(job);
    }
  }
  await tx.done;
  return { deleted: doomed.length, alreadyUploaded };
}

/** Each task shrinks to the steps it still has; a task with none left goes. */
async function trimSpans(tx: Tx, sessionId: string, spans: readonly TaskSpan[]) {
  const events = tx.objectStore('events');
  const kept: TaskSpan[] = [];
  for (const span of spans) {
    const range = IDBKeyRange.bound([sessionId, span.start], [sessionId, span.end]);
    const first = await events.openKeyCursor(range, 'next');
    const last = await events.openKeyCursor(range, 'prev');
    if (!first || !last) continue;
    kept.push({ ...span, start: first.key[1], end: last.key[1] });
  }
  return kept;
}

function quarantineNote(count: number): string | null {
  if (count === 0) return null;
  return `${count === 1 ? 'One event is' : `${count} events are`} too large for the collector to accept (HTTP 413); ${count === 1 ? 'it stays' : 'they stay'} on this computer and everything else uploads.`;
}
