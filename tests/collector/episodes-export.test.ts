import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_PAGE_ROWS, EXPORT_SESSION_PAGE } from '../../collector/common/limits';
import {
  type EnrollmentResponse,
  type EpisodeLine,
  type EventLine,
  episodeLine,
  eventLine,
  type StudyFile,
  type TaskSpan,
} from '../../lib/schema';
import { addStaffToken, call, expectError } from './support/annotation';
import { enroll, upload } from './support/http';
import { studyFile } from './support/studies';
import { eventsBatch, scriptedEvents } from './support/tasks';
import { startTestApp, type TestApp } from './support/test-app';

const study = studyFile('episodes');
const many = studyFile('many-sessions');
const long = studyFile('long-session');
let app: TestApp;
let annotator: string;
let volunteer: EnrollmentResponse;
let leaving: EnrollmentResponse;

const annotatedSession = randomUUID();
const markedSession = randomUUID();
const volunteerSaved = randomUUID();
const annotatedEmpty = randomUUID();
const erasedSession = randomUUID();

async function uploadScript(target: StudyFile, token: string, session: string, script: string) {
  const events = scriptedEvents(session, script);
  for (let at = 0; at < events.length; at += 500) {
    const response = await upload(
      app.url,
      token,
      eventsBatch(target, session, events.slice(at, at + 500)),
    );
    expect(response.status).toBe(200);
  }
}

async function saveTasks(token: string, session: string, tasks: TaskSpan[]) {
  const response = await call(`${app.url}/v1/sessions/${session}/tasks`, token, {
    method: 'PUT',
    body: { version: 0, tasks },
  });
  expect(response.status).toBe(200);
}

async function exportLines(studyId: string, format: string, token = app.researcherToken) {
  const response = await call(`${app.url}/v1/export?study=${studyId}&format=${format}`, token);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-disposition')).toContain(`${studyId}-${format}.jsonl`);
  return (await response.text())
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as unknown);
}

async function episodes(studyId: string, token?: string): Promise<EpisodeLine[]> {
  return (await exportLines(studyId, 'episodes', token)).map((line) => episodeLine.parse(line));
}

async function events(studyId: string): Promise<EventLine[]> {
  return (await exportLines(studyId, 'events')).map((line) => eventLine.parse(line));
}

const t = (seq: number) => 1_767_225_600_000 + seq * 250;

beforeAll(async () => {
  app = await startTestApp([study, many, long]);
  annotator = (await addStaffToken(app.db, 'annotator')).token;
  volunteer = await enroll(app.url, study);
  leaving = await enroll(app.url, study);

  // Markers: tasks 0–4 and 6–8; an annotator redraws it as one task 1–3.
  await uploadScript(study, volunteer.uploadToken, annotatedSession, 'scccecscgcc');
  await saveTasks(annotator, annotatedSession, [
    { start: 1, end: 3, goal: 'Find the shoes', outcome: 'done' },
  ]);
  // Markers only: a task from 2 never ended, so it runs to the last event.
  await uploadScript(study, volunteer.uploadToken, markedSession, 'ccscpcc');
  // The volunteer saved their own list over their markers.
  await uploadScript(study, volunteer.uploadToken, volunteerSaved, 'sccce');
  await saveTasks(volunteer.uploadToken, volunteerSaved, [
    { start: 1, end: 2, goal: null, outcome: 'unknown' },
  ]);
  // An annotator found no task here: that overrides the volunteer's marker.
  await uploadScript(study, volunteer.uploadToken, annotatedEmpty, 'scce');
  await saveTasks(annotator, annotatedEmpty, []);
  // Erased before the export.
  await uploadScript(study, leaving.uploadToken, erasedSession, 'scce');
  await saveTasks(annotator, erasedSession, [{ start: 1, end: 2, goal: 'x', outcome: 'done' }]);
  const erased = await call(`${app.url}/v1/participants/me`, leaving.uploadToken, {
    method: 'DELETE',
  });
  expect(erased.status).toBe(200);
});
afterAll(async () => {
  await app?.dispose();
});

describe('GET /v1/export?format=episodes', () => {
  it('writes one line per task, the annotator’s boundaries over the volunteer’s', async () => {
    const lines = await episodes(study.id);
    const bySession = new Map<string, EpisodeLine[]>();
    for (const line of lines)
      bySession.set(line.session, [...(bySession.get(line.session) ?? []), line]);
    expect([...bySession.keys()].sort()).toEqual(
      [annotatedSession, markedSession, volunteerSaved].sort(),
    );

    const stamps = {
      schemaVersion: 1,
      study: study.id,
      participant: volunteer.participantId,
      extensionVersion: '0.1.0',
      consentVersion: study.consent.version,
    };
    expect(bySession.get(annotatedSession)).toEqual([
      {
        ...stamps,
        session: annotatedSession,
        task: `${annotatedSession}:1`,
        goal: 'Find the shoes',
        outcome: 'done',
        boundariesBy: 'annotator',
        start: { seq: 1, t: t(1) },
        end: { seq: 3, t: t(3) },
        actions: scriptedEvents(annotatedSession, 'scccecscgcc').slice(1, 4),
      },
    ]);

    const [fromMarkers] = bySession.get(markedSession) ?? [];
    expect(fromMarkers).toMatchObject({
      task: `${markedSession}:2`,
      goal: 'goal at 2',
      outcome: 'unknown',
      boundariesBy: 'volunteer',
      start: { seq: 2, t: t(2) },
      end: { seq: 6, t: t(6) },
    });
    // The task-start and the pause are markers, not actions.
    expect(fromMarkers?.actions.map((event) => [event.seq, event.kind])).toEqual([
      [3, 'click'],
      [5, 'click'],
      [6, 'click'],
    ]);

    expect(bySession.get(volunteerSaved)).toMatchObject([
      { task: `${volunteerSaved}:1`, goal: null, boundariesBy: 'volunteer', start: { seq: 1 } },
    ]);
    expect(JSON.stringify(lines)).not.toContain(leaving.participantId);
  });

  it('names the same tasks in the events export', async () => {
    const lines = await events(study.id);
    const tasksOf = (session: string) =>
      lines.filter((line) => line.session === session).map((line) => line.task);
    const a = `${annotatedSession}:1`;
    expect(tasksOf(annotatedSession)).toEqual([
      null,
      a,
      a,
      a,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    const m = `${markedSession}:2`;
    expect(tasksOf(markedSession)).toEqual([null, null, m, m, m, m, m]);
    const v = `${volunteerSaved}:1`;
    expect(tasksOf(volunteerSaved)).toEqual([null, v, v, null, null]);
    expect(tasksOf(annotatedEmpty)).toEqual([null, null, null, null]);
    expect(tasksOf(erasedSession)).toEqual([]);
  });

  it('is for researchers: an annotator token gets 403', async () => {
    await expectError(
      await call(`${app.url}/v1/export?study=${study.id}&format=episodes`, annotator),
      403,
      'researcher_only',
    );
    const researcher = (await addStaffToken(app.db, 'researcher')).token;
    expect(await episodes(study.id, researcher)).toHaveLength(3);
  });

  it('walks every page of sessions', async () => {
    const participant = await enroll(app.url, many);
    const sessions = Array.from({ length: EXPORT_SESSION_PAGE + 5 }, () => randomUUID());
    for (const session of sessions) {
      // Every third session has no task: pages with gaps still come out whole.
      const script = sessions.indexOf(session) % 3 === 0 ? 'cc' : 'scce';
      await uploadScript(many, participant.uploadToken, session, script);
    }
    const lines = await episodes(many.id);
    const expected = sessions.filter((_, index) => index % 3 !== 0);
    expect(lines.map((line) => line.session).sort()).toEqual(expected.sort());
    expect(lines.every((line) => line.actions.length === 2)).toBe(true);
  });

  it('follows a task across pages of the events export', async () => {
    const participant = await enroll(app.url, long);
    const session = randomUUID();
    const length = EXPORT_PAGE_ROWS + 200;
    await uploadScript(long, participant.uploadToken, session, `cs${'c'.repeat(length - 4)}ec`);
    const lines = await events(long.id);
    expect(lines).toHaveLength(length);
    const id = `${session}:1`;
    expect(lines.map((line) => line.task)).toEqual([
      null,
      ...Array.from({ length: length - 2 }, () => id),
      null,
    ]);
    const [episode] = await episodes(long.id);
    expect(episode).toMatchObject({ task: id, end: { seq: length - 2 } });
    // Its steps less the task-start and task-end markers.
    expect(episode?.actions).toHaveLength(length - 4);
  });
});
