import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { uploadState } from '../../components/upload-state';
import { deleteSteps } from '../../lib/db/delete-steps';
import { ingestEvents } from '../../lib/db/ingest-events';
import { listReviewSessions } from '../../lib/db/list-review-sessions';
import { markUploaded } from '../../lib/db/mark-uploaded';
import { getMeta } from '../../lib/db/meta';
import type { Db } from '../../lib/db/open-db';
import { readReviewSession } from '../../lib/db/read-review-session';
import { saveTasks } from '../../lib/db/save-tasks';
import type { ReviewSessionSummary } from '../../lib/schema';
import { formatDuration, formatOffset } from '../../lib/trace/format';
import { queueUploads } from '../../lib/upload/queue-uploads';
import { enrolledDb } from './support/enrolled-db';
import { clickDraft } from './support/make-events';

const HOUR = 60 * 60 * 1000;
let db: Db;

async function recordAt(now: number, drafts = [clickDraft({ t: now })]): Promise<string> {
  await ingestEvents(
    db,
    drafts.map((draft) => ({ draft, tabId: 1, opensSession: true })),
    now,
  );
  return (await getMeta(db, 'currentSession')) as string;
}

beforeEach(async () => {
  db = await enrolledDb();
});

describe('listReviewSessions', () => {
  it('lists every session newest first, with steps, tasks and upload job', async () => {
    const old = await recordAt(1 * HOUR, [
      { kind: 'task-start', t: HOUR, goal: 'Buy a lamp' },
      clickDraft({ t: HOUR + 1 }),
      { kind: 'task-end', t: HOUR + 2, outcome: 'done' },
    ]);
    const newer = await recordAt(3 * HOUR);
    await queueUploads(db, 'demo', 5, { session: old });
    const list = await listReviewSessions(db);
    expect(list.mode).toBe('study');
    expect(list.studyName).toBe('Demo');
    expect(list.sessions.map((session) => session.id)).toEqual([newer, old]);
    expect(list.sessions[1]).toMatchObject({
      eventCount: 3,
      taskCount: 1,
      recording: false,
      uploadable: true,
      job: { status: 'queued', error: null, quarantined: 0 },
    });
    expect(list.sessions[0]).toMatchObject({ eventCount: 1, taskCount: 0, recording: true });
  });

  it('counts tasks again after the volunteer deletes or saves them', async () => {
    const id = await recordAt(HOUR, [
      { kind: 'task-start', t: HOUR, goal: 'A' },
      clickDraft({ t: HOUR + 1 }),
    ]);
    expect((await listReviewSessions(db)).sessions[0]?.taskCount).toBe(1);
    await saveTasks(db, id, []);
    expect((await listReviewSessions(db)).sessions[0]?.taskCount).toBe(0);
    await saveTasks(db, id, [
      { start: 0, end: 0, goal: null, outcome: 'unknown' },
      { start: 1, end: 1, goal: null, outcome: 'unknown' },
    ]);
    await deleteSteps(db, id, [1]);
    expect((await listReviewSessions(db)).sessions[0]?.taskCount).toBe(1);
  });

  it('says there is nothing when nothing was recorded', async () => {
    expect(await listReviewSessions(db)).toEqual({
      mode: 'study',
      studyName: 'Demo',
      sessions: [],
    });
  });
});

describe('readReviewSession', () => {
  it('gives the steps in order with what the collector already has', async () => {
    const id = await recordAt(HOUR, [
      clickDraft({ t: 1 }),
      clickDraft({ t: 2 }),
      clickDraft({ t: 3 }),
    ]);
    await markUploaded(db, id, [0]);
    const detail = await readReviewSession(db, id);
    expect(detail.steps.map((step) => [step.event.seq, step.uploaded])).toEqual([
      [0, 1],
      [1, 0],
      [2, 0],
    ]);
    expect(detail.session).toMatchObject({ eventCount: 3, uploadedCount: 1, nextSeq: 3 });
    expect(detail.tasksEdited).toBe(false);
  });
});

describe('what review says', () => {
  it('writes offsets from the session start and durations', () => {
    expect(formatOffset(42_400)).toBe('+0:42');
    expect(formatOffset(12 * 60_000 + 5_000)).toBe('+12:05');
    expect(formatOffset(HOUR + 2 * 60_000 + 9_000)).toBe('+1:02:09');
    expect(formatOffset(-500)).toBe('+0:00');
    expect(formatDuration(40_000)).toBe('40 s');
    expect(formatDuration(12 * 60_000)).toBe('12 min');
    expect(formatDuration(HOUR + 5 * 60_000)).toBe('1 h 5 min');
  });

  it('names each upload state', () => {
    const session: Pick<
      ReviewSessionSummary,
      'eventCount' | 'uploadedCount' | 'uploadable' | 'job'
    > = { eventCount: 10, uploadedCount: 0, uploadable: true, job: null };
    const row = (status: 'queued' | 'uploading' | 'uploaded' | 'failed', sent: number) => ({
      session: 's',
      startedAt: 0,
      status,
      sent,
      total: 10,
      error: status === 'failed' ? 'The collector refused this session (bad).' : null,
    });
    expect(uploadState(session, undefined, 'study').text).toBe('Not uploaded');
    expect(uploadState(session, row('queued', 0), 'study').text).toBe('Queued');
    expect(uploadState(session, row('uploading', 4), 'study')).toMatchObject({
      text: 'Uploading 40%',
      percent: 40,
      detail: '4 of 10 steps sent',
    });
    expect(uploadState(session, row('uploaded', 10), 'study')).toMatchObject({
      text: 'Uploaded',
      tone: 'ok',
      pending: 0,
    });
    expect(uploadState(session, row('failed', 0), 'study')).toMatchObject({
      text: 'Upload failed',
      tone: 'error',
      detail: 'The collector refused this session (bad).',
    });
    expect(uploadState({ ...session, uploadedCount: 8 }, undefined, 'study').text).toBe(
      '2 new steps not uploaded',
    );
    expect(uploadState({ ...session, uploadable: false }, undefined, 'local').text).toBe(
      'Only on this computer',
    );
  });
});
