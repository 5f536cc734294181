import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollmentResponse, TraceEvent } from '../../lib/schema';
import { addStaffToken, call, expectError } from './support/annotation';
import { clickEvent } from './support/events';
import { enroll, upload } from './support/http';
import { studyFile } from './support/studies';
import { eventsBatch } from './support/tasks';
import { startTestApp, type TestApp } from './support/test-app';

const study = studyFile('stats');
const otherStudy = studyFile('unrelated');
const emptyStudy = studyFile('empty');
const DAY = 86_400_000;
/** 2026-01-01T00:00:00Z */
const JAN_1 = 1_767_225_600_000;

let app: TestApp;
let annotator: string;
let first: EnrollmentResponse;
let second: EnrollmentResponse;
let leaving: EnrollmentResponse;

/** `count` clicks of a new session, the first at `t`, one a second after another. */
async function uploadSession(who: EnrollmentResponse, t: number, count: number, of = study) {
  const session = randomUUID();
  const events: TraceEvent[] = Array.from({ length: count }, (_, seq) =>
    clickEvent(session, seq, { t: t + seq * 1000 }),
  );
  const response = await upload(app.url, who.uploadToken, eventsBatch(of, session, events));
  expect(response.status).toBe(200);
  return session;
}

const stats = (token: string | undefined, query = `study=${study.id}`) =>
  call(`${app.url}/v1/stats?${query}`, token);

beforeAll(async () => {
  app = await startTestApp([study, otherStudy, emptyStudy]);
  annotator = (await addStaffToken(app.db, 'annotator')).token;
  first = await enroll(app.url, study);
  second = await enroll(app.url, study);
  leaving = await enroll(app.url, study);
  await enroll(app.url, study); // joined, uploaded nothing: still a participant
  // Jan 1: 3 + 2 events; Jan 3 (late in the day, UTC): 4 events; nothing on Jan 2.
  const annotated = await uploadSession(first, JAN_1 + 60_000, 3);
  await uploadSession(second, JAN_1 + 3_600_000, 2);
  await uploadSession(second, JAN_1 + 2 * DAY + 23 * 3_600_000, 4);
  // Erased below: counts nowhere.
  await uploadSession(leaving, JAN_1 + 5 * DAY, 7);
  // Another study's events never count here.
  await uploadSession(await enroll(app.url, otherStudy), JAN_1, 5, otherStudy);

  const save = await call(`${app.url}/v1/sessions/${annotated}/tasks`, annotator, {
    method: 'PUT',
    body: { version: 0, tasks: [{ start: 0, end: 2, goal: 'Buy a lamp', outcome: 'done' }] },
  });
  expect(save.status).toBe(200);
  const erased = await call(`${app.url}/v1/participants/me`, leaving.uploadToken, {
    method: 'DELETE',
  });
  expect(erased.status).toBe(200);
});

afterAll(async () => {
  await app?.dispose();
});

describe('GET /v1/stats', () => {
  it("answers a study's figures and events per UTC day, without erased participants", async () => {
    const response = await stats(app.researcherToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      study: study.id,
      participants: 3,
      sessions: 3,
      events: 9,
      annotatedSessions: 1,
      eventsPerDay: [
        { day: '2026-01-01', events: 5 },
        { day: '2026-01-03', events: 4 },
      ],
    });
  });

  it('counts a study nobody joined as zeros', async () => {
    const response = await stats(app.researcherToken, 'study=empty');
    expect(await response.json()).toEqual({
      study: 'empty',
      participants: 0,
      sessions: 0,
      events: 0,
      annotatedSessions: 0,
      eventsPerDay: [],
    });
  });

  it('is for researchers only', async () => {
    await expectError(await stats(undefined), 401, 'invalid_researcher_token');
    await expectError(await stats('not-a-token'), 401, 'invalid_researcher_token');
    await expectError(await stats(first.uploadToken), 401, 'invalid_researcher_token');
    await expectError(await stats(annotator), 403, 'researcher_only');
  });

  it('needs a study this collector runs', async () => {
    await expectError(await stats(app.researcherToken, ''), 400, 'missing_study');
    await expectError(await stats(app.researcherToken, 'study=nope'), 404, 'unknown_study');
  });
});
