import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteSession } from '../../lib/db/delete-session';
import { deleteSteps } from '../../lib/db/delete-steps';
import { type EventDraft, ingestEvents } from '../../lib/db/ingest-events';
import { markUploaded } from '../../lib/db/mark-uploaded';
import { getMeta } from '../../lib/db/meta';
import type { Db } from '../../lib/db/open-db';
import { readReviewSession } from '../../lib/db/read-review-session';
import { saveTasks } from '../../lib/db/save-tasks';
import { quarantineEvent } from '../../lib/upload/quarantine-event';
import { queueUploads } from '../../lib/upload/queue-uploads';
import { enrolledDb } from './support/enrolled-db';
import { clickDraft } from './support/make-events';
import { storedEvents } from './support/stored-events';

let db: Db;
let session: string;

async function record(drafts: EventDraft[], now = 1_000): Promise<string> {
  for (const draft of drafts) await ingestEvents(db, [{ draft, tabId: 1 }], now);
  return (await getMeta(db, 'currentSession')) as string;
}
const seqsOf = async (id: string) => (await storedEvents(db, id)).map((stored) => stored.seq);

beforeEach(async () => {
  db = await enrolledDb();
  session = await record(Array.from({ length: 6 }, (_, t) => clickDraft({ t })));
});

describe('deleteSteps', () => {
  it('removes the events from IndexedDB and fixes the session count', async () => {
    expect(await deleteSteps(db, session, [1, 3, 4])).toEqual({ deleted: 3, alreadyUploaded: 0 });
    expect(await seqsOf(session)).toEqual([0, 2, 5]);
    const stored = await db.get('sessions', session);
    expect(stored).toMatchObject({ eventCount: 3, uploadedCount: 0, nextSeq: 6 });
  });

  it('ignores steps already gone and repeated ones', async () => {
    await deleteSteps(db, session, [2]);
    expect(await deleteSteps(db, session, [2, 2, 3, 99])).toEqual({
      deleted: 1,
      alreadyUploaded: 0,
    });
    expect((await db.get('sessions', session))?.eventCount).toBe(4);
  });

  it('also lowers the uploaded count when a step the collector has is deleted', async () => {
    await markUploaded(db, session, [0, 1, 2]);
    expect(await deleteSteps(db, session, [1, 2, 4])).toEqual({ deleted: 3, alreadyUploaded: 2 });
    expect(await db.get('sessions', session)).toMatchObject({ eventCount: 3, uploadedCount: 1 });
  });

  it('takes a step kept back as too large out of the upload job', async () => {
    await queueUploads(db, 'demo');
    await quarantineEvent(db, session, 3);
    await deleteSteps(db, session, [3]);
    expect(await db.get('uploads', session)).toMatchObject({ quarantined: [], error: null });
  });

  it('shrinks saved tasks to the steps they keep and drops a task left empty', async () => {
    await saveTasks(db, session, [
      { start: 0, end: 2, goal: 'Buy a lamp', outcome: 'done' },
      { start: 4, end: 4, goal: null, outcome: 'unknown' },
    ]);
    await deleteSteps(db, session, [0, 4]);
    expect((await readReviewSession(db, session)).tasks).toEqual([
      { start: 1, end: 2, goal: 'Buy a lamp', outcome: 'done' },
    ]);
  });

  it('keeps a task in place when its marker is deleted', async () => {
    const id = await record(
      [
        { kind: 'task-start', t: 10, goal: 'Find a gift' },
        clickDraft({ t: 11 }),
        clickDraft({ t: 12 }),
        { kind: 'task-end', t: 13, outcome: 'gave-up' },
      ],
      1_001,
    );
    expect(id).toBe(session);
    expect((await readReviewSession(db, session)).tasks).toEqual([
      { start: 6, end: 9, goal: 'Find a gift', outcome: 'gave-up' },
    ]);
    await deleteSteps(db, session, [6]);
    const detail = await readReviewSession(db, session);
    expect(detail.tasksEdited).toBe(true);
    expect(detail.tasks).toEqual([{ start: 7, end: 9, goal: 'Find a gift', outcome: 'gave-up' }]);
  });

  it('refuses a session that is not there, and changes nothing', async () => {
    await expect(deleteSteps(db, crypto.randomUUID(), [0])).rejects.toThrow(
      /no longer on this computer/,
    );
    expect(await seqsOf(session)).toHaveLength(6);
  });
});

describe('deleteSession', () => {
  it('removes its events, the session and its upload job, and no other session', async () => {
    await queueUploads(db, 'demo');
    await markUploaded(db, session, [0]);
    // A second session, an hour later.
    const other = await record([clickDraft({ t: 2 })], 1_000 + 60 * 60 * 1000);
    expect(other).not.toBe(session);
    expect(await deleteSession(db, session)).toEqual({ deleted: 6, alreadyUploaded: 1 });
    expect(await seqsOf(session)).toEqual([]);
    expect(await db.get('sessions', session)).toBeUndefined();
    expect(await db.get('uploads', session)).toBeUndefined();
    expect(await seqsOf(other)).toEqual([0]);
    expect(await db.get('sessions', other)).toBeDefined();
  });

  it('deleting the session being recorded lets the next step start a new one', async () => {
    await deleteSession(db, session);
    expect(await getMeta(db, 'currentSession')).toBeUndefined();
    const next = await record([clickDraft({ t: 7 })], 1_002);
    expect(next).not.toBe(session);
    expect(await db.get('sessions', next)).toMatchObject({ eventCount: 1, nextSeq: 1 });
  });
});
