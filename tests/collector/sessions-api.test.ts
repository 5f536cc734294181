import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EnrollmentResponse,
  type SessionSummary,
  sessionDetail,
  sessionsPage,
  sessionTasks,
  type TaskSpan,
} from '../../lib/schema';
import { addStaffToken, call, expectError } from './support/annotation';
import { enroll, upload } from './support/http';
import { studyFile } from './support/studies';
import { eventsBatch, scriptedEvents } from './support/tasks';
import { startTestApp, type TestApp } from './support/test-app';

const study = studyFile('annotate');
const otherStudy = studyFile('elsewhere');
let app: TestApp;
let annotator: string;
let secondAnnotator: string;
let volunteer: EnrollmentResponse;
let stranger: EnrollmentResponse;
/** Volunteer's sessions: two tasks from markers; one never-ended task; no task (stranger's). */
const marked = randomUUID();
const unended = randomUUID();
const plain = randomUUID();

async function uploadSession(token: string, session: string, script: string) {
  const events = scriptedEvents(session, script);
  // Later events first: the detail must come back in seq order all the same.
  const half = Math.ceil(events.length / 2);
  for (const part of [events.slice(half), events.slice(0, half)]) {
    if (part.length === 0) continue;
    const response = await upload(app.url, token, eventsBatch(study, session, part));
    expect(response.status).toBe(200);
  }
}

const sessionsUrl = (query: Record<string, string>) =>
  `${app.url}/v1/sessions?${new URLSearchParams(query)}`;
const detailUrl = (id: string) => `${app.url}/v1/sessions/${id}`;
const tasksUrl = (id: string) => `${app.url}/v1/sessions/${id}/tasks`;
const put = (token: string | undefined, id: string, body: unknown) =>
  call(tasksUrl(id), token, { method: 'PUT', body });

async function list(query: Record<string, string>, token = annotator) {
  const response = await call(sessionsUrl(query), token);
  expect(response.status).toBe(200);
  return sessionsPage.parse(await response.json());
}

async function detail(id: string, token = annotator) {
  const response = await call(detailUrl(id), token);
  expect(response.status).toBe(200);
  return sessionDetail.parse(await response.json());
}

const task = (start: number, end: number, goal: string | null = null): TaskSpan => ({
  start,
  end,
  goal,
  outcome: 'done',
});

beforeAll(async () => {
  app = await startTestApp([study, otherStudy]);
  annotator = (await addStaffToken(app.db, 'annotator')).token;
  secondAnnotator = (await addStaffToken(app.db, 'annotator')).token;
  volunteer = await enroll(app.url, study);
  stranger = await enroll(app.url, study);
  // seq: 0 s, 1 c, 2 c, 3 c, 4 e(done), 5 c, 6 s, 7 c, 8 g(gave up), 9 c, 10 c
  await uploadSession(volunteer.uploadToken, marked, 'scccecscgcc');
  // seq: 0 c, 1 c, 2 s, 3 c, 4 p, 5 c — the task runs to the last event
  await uploadSession(volunteer.uploadToken, unended, 'ccscpc');
  await uploadSession(stranger.uploadToken, plain, 'cccc');
  // Another study's session never shows in this one's list.
  const elsewhere = await enroll(app.url, otherStudy);
  const session = randomUUID();
  await upload(
    app.url,
    elsewhere.uploadToken,
    eventsBatch(otherStudy, session, scriptedEvents(session, 'cc')),
  );
});
afterAll(async () => {
  await app?.dispose();
});

describe('GET /v1/sessions', () => {
  it('lists a study’s sessions with counts, for annotator and researcher tokens', async () => {
    const page = await list({ study: study.id });
    expect(page.next).toBeNull();
    const byId = new Map(page.sessions.map((row) => [row.id, row]));
    expect([...byId.keys()]).toEqual([marked, unended, plain].sort());
    expect(byId.get(marked)).toEqual({
      id: marked,
      study: study.id,
      participant: volunteer.participantId,
      startedAt: 1_767_225_600_000,
      events: 11,
      annotated: false,
      annotationVersion: 0,
      volunteerTasks: 2,
    } satisfies SessionSummary);
    expect(byId.get(unended)).toMatchObject({ events: 6, volunteerTasks: 1 });
    expect(byId.get(plain)).toMatchObject({
      participant: stranger.participantId,
      volunteerTasks: 0,
    });

    expect(await list({ study: study.id }, app.researcherToken)).toEqual(page);
    const researcher = (await addStaffToken(app.db, 'researcher')).token;
    expect(await list({ study: study.id }, researcher)).toEqual(page);
  });

  it('pages by the last session id', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 5; pages += 1) {
      const query: Record<string, string> = { study: study.id, limit: '1' };
      if (after) query.after = after;
      const page = await list(query);
      seen.push(...page.sessions.map((row) => row.id));
      after = page.next;
      if (!after) break;
    }
    expect(seen).toEqual([marked, unended, plain].sort());
    expect(after).toBeNull();

    const two = await list({ study: study.id, limit: '2' });
    expect(two.sessions).toHaveLength(2);
    expect(two.next).toBe(two.sessions[1]?.id);
  });

  it('refuses anyone without an annotator or researcher token', async () => {
    const url = sessionsUrl({ study: study.id });
    await expectError(await call(url, undefined), 401, 'invalid_staff_token');
    await expectError(await call(url, 'not-a-token-at-all'), 401, 'invalid_staff_token');
    await expectError(await call(url, volunteer.uploadToken), 401, 'invalid_staff_token');
  });

  it('validates the query', async () => {
    const queries: Record<string, string>[] = [
      {},
      { study: 'Not An Id' },
      { study: study.id, limit: '0' },
      { study: study.id, limit: '201' },
      { study: study.id, limit: 'ten' },
      { study: study.id, annotated: 'yes' },
      { study: study.id, after: 'not-a-uuid' },
      { study: study.id, page: '2' },
    ];
    for (const query of queries) {
      const body = await expectError(
        await call(sessionsUrl(query), annotator),
        400,
        'invalid_query',
      );
      expect(body.issues?.length).toBeGreaterThan(0);
    }
    await expectError(await call(sessionsUrl({ study: 'nope' }), annotator), 404, 'unknown_study');
  });
});

describe('GET /v1/sessions/:id', () => {
  it('answers the events in seq order and the volunteer’s tasks from their markers', async () => {
    const body = await detail(marked);
    expect(body.session).toEqual({
      id: marked,
      study: study.id,
      participant: volunteer.participantId,
      startedAt: 1_767_225_600_000,
    });
    expect(body.events.map((event) => event.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(body.volunteer).toEqual({
      version: 0,
      tasks: [
        { start: 0, end: 4, goal: 'goal at 0', outcome: 'done' },
        { start: 6, end: 8, goal: 'goal at 6', outcome: 'gave-up' },
      ],
    });
    expect(body.annotator).toEqual({ version: 0, tasks: [] });
    expect((await detail(unended)).volunteer.tasks).toEqual([
      { start: 2, end: 5, goal: 'goal at 2', outcome: 'unknown' },
    ]);
  });

  it('answers 400 for an id that is not a UUID, 404 for an unknown one, 401 without a token', async () => {
    await expectError(await call(detailUrl('123'), annotator), 400, 'invalid_session_id');
    await expectError(await call(detailUrl(randomUUID()), annotator), 404, 'unknown_session');
    await expectError(await call(detailUrl(marked), undefined), 401, 'invalid_staff_token');
    await expectError(
      await call(detailUrl(marked), volunteer.uploadToken),
      401,
      'invalid_staff_token',
    );
  });
});

describe('PUT /v1/sessions/:id/tasks', () => {
  it('saves the annotator’s list, then refuses a save from a stale version with 409', async () => {
    const first = await put(annotator, marked, {
      version: 0,
      tasks: [task(5, 9, 'Check out'), task(1, 3, 'Find the shoes')],
    });
    expect(first.status).toBe(200);
    expect(sessionTasks.parse(await first.json())).toEqual({
      session: marked,
      by: 'annotator',
      version: 1,
      // Stored in order of their first step.
      tasks: [task(1, 3, 'Find the shoes'), task(5, 9, 'Check out')],
    });

    // A second annotator read version 0 before the first one saved.
    const stale = await put(secondAnnotator, marked, { version: 0, tasks: [task(0, 10)] });
    const conflict = await expectError(stale, 409, 'version_conflict');
    expect(conflict).toEqual({
      error: 'version_conflict',
      message:
        'Someone else saved tasks for this session first (now version 1). Reload the session to see their changes, then apply yours again.',
      currentVersion: 1,
    });
    // A version ahead of the stored one is as stale as one behind.
    const ahead = await expectError(
      await put(secondAnnotator, marked, { version: 7, tasks: [] }),
      409,
      'version_conflict',
    );
    expect(ahead.currentVersion).toBe(1);

    const again = await put(secondAnnotator, marked, { version: 1, tasks: [task(0, 10)] });
    expect(again.status).toBe(200);
    expect(sessionTasks.parse(await again.json()).version).toBe(2);

    const body = await detail(marked);
    expect(body.annotator).toEqual({ version: 2, tasks: [task(0, 10)] });
    // The volunteer's tasks are untouched by the annotator's.
    expect(body.volunteer.version).toBe(0);
    expect(body.volunteer.tasks).toHaveLength(2);

    const annotated = await list({ study: study.id, annotated: 'true' });
    expect(annotated.sessions.map((row) => [row.id, row.annotationVersion])).toEqual([[marked, 2]]);
    const notAnnotated = await list({ study: study.id, annotated: 'false' });
    expect(notAnnotated.sessions.map((row) => row.id)).not.toContain(marked);
    expect(notAnnotated.sessions).toHaveLength(2);
  });

  it('lets exactly one of two concurrent saves from the same version through', async () => {
    const session = randomUUID();
    await uploadSession(stranger.uploadToken, session, 'cccccc');
    for (const version of [0, 1]) {
      const responses = await Promise.all([
        put(annotator, session, { version, tasks: [task(0, 2, 'first')] }),
        put(secondAnnotator, session, { version, tasks: [task(3, 5, 'second')] }),
      ]);
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([200, 409]);
      const bodies = await Promise.all(responses.map((response) => response.json()));
      const loser = bodies.find((body) => 'error' in body);
      expect(loser).toMatchObject({ error: 'version_conflict', currentVersion: version + 1 });
      const winner = sessionTasks.parse(bodies.find((body) => !('error' in body)));
      expect((await detail(session)).annotator).toEqual({
        version: version + 1,
        tasks: winner.tasks,
      });
    }
  });

  it('saves the volunteer’s own list with their upload token, and no one else’s', async () => {
    const mine = await put(volunteer.uploadToken, unended, {
      version: 0,
      tasks: [{ start: 2, end: 3, goal: 'Pick a size', outcome: 'gave-up' }],
    });
    expect(mine.status).toBe(200);
    expect(sessionTasks.parse(await mine.json())).toMatchObject({ by: 'volunteer', version: 1 });
    const body = await detail(unended);
    expect(body.volunteer).toEqual({
      version: 1,
      tasks: [{ start: 2, end: 3, goal: 'Pick a size', outcome: 'gave-up' }],
    });
    expect(body.annotator).toEqual({ version: 0, tasks: [] });

    // Saved tasks replace the markers' in the list's count too.
    await put(volunteer.uploadToken, unended, { version: 1, tasks: [] });
    const row = (await list({ study: study.id })).sessions.find((s) => s.id === unended);
    expect(row?.volunteerTasks).toBe(0);

    await expectError(
      await put(stranger.uploadToken, unended, { version: 2, tasks: [] }),
      403,
      'not_your_session',
    );
    await expectError(
      await put(undefined, unended, { version: 2, tasks: [] }),
      401,
      'missing_token',
    );
    await expectError(
      await put('not-a-token-at-all', unended, { version: 2, tasks: [] }),
      401,
      'invalid_token',
    );
    expect((await detail(unended)).volunteer.version).toBe(2);
  });

  it('refuses spans off the session’s events or overlapping with 422, naming the task', async () => {
    const session = randomUUID();
    await uploadSession(stranger.uploadToken, session, 'cccccc');
    const missing = await expectError(
      await put(annotator, session, { version: 0, tasks: [task(0, 1), task(2, 99)] }),
      422,
      'invalid_task_spans',
    );
    expect(missing.issues).toEqual(['tasks.1.end: this session has no event with seq 99']);
    expect(missing.message).toContain('tasks.1.end');

    const overlapping = await expectError(
      await put(annotator, session, { version: 0, tasks: [task(3, 5), task(0, 3)] }),
      422,
      'invalid_task_spans',
    );
    expect(overlapping.issues).toEqual([
      'tasks.0: overlaps tasks.1 (seq 3–5 and 0–3); an event belongs to one task at most',
    ]);
    const nested = await expectError(
      await put(annotator, session, { version: 0, tasks: [task(0, 5), task(1, 1), task(3, 4)] }),
      422,
      'invalid_task_spans',
    );
    expect(nested.issues?.map((issue) => issue.split(' (')[0])).toEqual([
      'tasks.1: overlaps tasks.0',
      'tasks.2: overlaps tasks.0',
    ]);

    // Schema problems are the body's: 400, as for any request body.
    for (const body of [
      { version: 0, tasks: [task(4, 2)] },
      { version: 0, tasks: [{ ...task(0, 1), note: 'x' }] },
      { version: -1, tasks: [] },
      { tasks: [] },
    ]) {
      await expectError(await put(annotator, session, body), 400, 'invalid_tasks');
    }
    await expectError(await put(annotator, session, 'not json'), 400, 'invalid_json');
    expect((await detail(session)).annotator.version).toBe(0);
  });

  it('answers 400 for a bad id and 404 for an unknown session', async () => {
    await expectError(
      await put(annotator, 'nope', { version: 0, tasks: [] }),
      400,
      'invalid_session_id',
    );
    await expectError(
      await put(annotator, randomUUID(), { version: 0, tasks: [] }),
      404,
      'unknown_session',
    );
  });
});

describe('erasure', () => {
  it('takes a participant’s sessions and task lists out of reach', async () => {
    const leaving = await enroll(app.url, study);
    const session = randomUUID();
    await uploadSession(leaving.uploadToken, session, 'scce');
    expect((await put(annotator, session, { version: 0, tasks: [task(1, 2)] })).status).toBe(200);
    expect((await put(leaving.uploadToken, session, { version: 0, tasks: [] })).status).toBe(200);

    const erased = await call(`${app.url}/v1/participants/me`, leaving.uploadToken, {
      method: 'DELETE',
    });
    expect(erased.status).toBe(200);

    await expectError(await call(detailUrl(session), annotator), 404, 'unknown_session');
    await expectError(
      await put(annotator, session, { version: 1, tasks: [] }),
      404,
      'unknown_session',
    );
    await expectError(
      await put(leaving.uploadToken, session, { version: 1, tasks: [] }),
      401,
      'invalid_token',
    );
    const ids = (await list({ study: study.id, limit: '200' })).sessions.map((row) => row.id);
    expect(ids).not.toContain(session);
    const { rows } = await app.db.query('select 1 from session_tasks where session_id = $1', [
      session,
    ]);
    expect(rows).toHaveLength(0);
  });
});
