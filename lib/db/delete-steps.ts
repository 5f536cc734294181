import type { DeleteStepsOutcome, TaskSpan } from '../schema';
import { sessionTasks } from '../trace/session-tasks';
import { readSessionChunks, saveChunk } from './chunk-store';
import type { Db } from './open-db';
import { SESSION_GONE } from './read-review-session';
import type { StoredEvent } from './schema';
import { flattenChunks, keepEvents } from './session-chunks';

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
  const tx = db.transaction(['chunks', 'sessions', 'uploads'], 'readwrite');
  const chunks = tx.objectStore('chunks');
  const session = await tx.objectStore('sessions').get(sessionId);
  if (!session) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error(SESSION_GONE);
  }
  // The whole session is read once: saved tasks may need every event, and trimming
  // them needs every sequence number that survives.
  const stored = await readSessionChunks(chunks, sessionId);
  const events = flattenChunks(stored);
  const wanted = new Set(seqs);
  const doomed = events.filter((entry) => wanted.has(entry.seq));

  // Task markers make the tasks review shows: deleting one must not move a task, so
  // the tasks as the volunteer sees them now are kept as the session's task list.
  let saved = session.tasks;
  if (doomed.some(isTaskMarker)) {
    saved = {
      spans: sessionTasks(
        events.map((entry) => entry.event),
        saved,
      ),
      through: session.nextSeq,
      savedAt: now,
    };
  }

  for (const chunk of stored) {
    const keep = chunk.events.map((event) => !wanted.has(event.seq));
    if (!keep.includes(false)) continue;
    await saveChunk(chunks, keepEvents(chunk, keep));
  }

  let alreadyUploaded = 0;
  const quarantined = new Set<number>();
  for (const entry of doomed) {
    if (entry.uploaded === 1) alreadyUploaded += 1;
    if (entry.uploaded === 2) quarantined.add(entry.seq);
  }
  session.eventCount = Math.max(0, session.eventCount - doomed.length);
  session.uploadedCount = Math.max(0, session.uploadedCount - alreadyUploaded);
  if (saved) {
    const left = events.filter((entry) => !wanted.has(entry.seq)).map((entry) => entry.seq);
    session.tasks = { ...saved, spans: trimSpans(left, saved.spans), savedAt: now };
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

/** Each task shrinks to the steps it still has (`left`: sequence numbers in order); a task with none left goes. */
function trimSpans(left: readonly number[], spans: readonly TaskSpan[]): TaskSpan[] {
  const kept: TaskSpan[] = [];
  for (const span of spans) {
    const inside = left.filter((seq) => seq >= span.start && seq <= span.end);
    if (inside.length === 0) continue;
    kept.push({ ...span, start: inside[0]!, end: inside.at(-1)! });
  }
  return kept;
}

function quarantineNote(count: number): string | null {
  if (count === 0) return null;
  return `${count === 1 ? 'One event is' : `${count} events are`} too large for the collector to accept (HTTP 413); ${count === 1 ? 'it stays' : 'they stay'} on this computer and everything else uploads.`;
}
