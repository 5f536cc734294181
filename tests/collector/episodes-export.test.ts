import { randomUUID } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_PAGE_ROWS, EXPORT_SESSION_PAGE } from '../../collector/common/limits';
import {
  type EnrollmentResponse,
  type EpisodeAction,
  type EpisodeLine,
  type EventLine,
  episodeLine,
  eventLine,
  type ObservedNode,
  SCHEMA_VERSION,
  type StudyFile,
  type TaskSpan,
  type TraceEvent,
} from '../../lib/schema';
import { datasetJsonSchema } from '../../lib/schema/dataset-json-schema';
import { addStaffToken, call, expectError } from './support/annotation';
import { clickEvent } from './support/events';
import { enroll, upload } from './support/http';
import { studyFile } from './support/studies';
import { eventsBatch, scriptedEvents } from './support/tasks';
import { startTestApp, type TestApp } from './support/test-app';

const study = studyFile('episodes');
const many = studyFile('many-sessions');
const long = studyFile('long-session');
const observed = studyFile('observed');
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

/** The action a scripted click is: recorded under schema 1, so grounded in no observation. */
const clickAction = (seq: number): EpisodeAction => ({
  seq,
  t: t(seq),
  type: 'click',
  origin: 'https://shop.example',
  path: '/products/:id',
  node: null,
  selector: 'main > form > button.buy',
  shadow: [],
  role: 'button',
  box: { x: 120, y: 340, w: 96, h: 32 },
  field: null,
  slot: null,
  key: null,
  mods: [],
  dx: null,
  dy: null,
  tab: null,
  tabIndex: 0,
  frame: [],
  observation: null,
});

beforeAll(async () => {
  app = await startTestApp([study, many, long, observed]);
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
      schemaVersion: SCHEMA_VERSION,
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
        // The v1 shape listed the events 1–3 themselves; they are clicks, as actions.
        actions: [1, 2, 3].map(clickAction),
        observations: [],
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
    expect(fromMarkers?.actions.map((action) => [action.seq, action.type])).toEqual([
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

  it('grounds each action in the observation before it, made before the task started too', async () => {
    const participant = await enroll(app.url, observed);
    const session = randomUUID();
    const where = { session, tab: 0, frame: [] as number[], page: clickEvent(session, 0).page };
    const box = { x: 40, y: 100, w: 300, h: 36 };
    const searchBox = {
      ...clickEvent(session, 0).target,
      tag: 'input',
      role: 'searchbox',
      field: 'search' as const,
      selector: 'main > form > input',
    };
    const node = (id: number, parent: number, after: number, extra: Partial<ObservedNode>) =>
      ({
        id,
        parent,
        after,
        tag: 'button',
        role: 'button',
        field: null,
        box,
        states: [],
        ...extra,
      }) satisfies ObservedNode;
    const skeleton = [
      node(1, 0, 0, { tag: 'main', role: 'main' }),
      node(2, 1, 0, { tag: 'input', role: 'searchbox', field: 'search' }),
      node(3, 1, 2, {}),
    ];
    const observation = (seq: number, n: number, nodes: ObservedNode[], removed: number[]) =>
      ({
        ...where,
        kind: 'observation',
        seq,
        t: t(seq),
        doc: 'docobserved1',
        n,
        full: n === 1,
        cause: n === 1 ? 'load' : 'change',
        viewport: { w: 1280, h: 800 },
        scroll: { x: 0, y: 0 },
        nodes,
        removed,
        truncated: false,
      }) satisfies TraceEvent;
    const at = (n: number, id: number) => ({ doc: 'docobserved1', n, node: id });
    const recorded: TraceEvent[] = [
      observation(0, 1, skeleton, []),
      { session, seq: 1, t: t(1), kind: 'task-start', goal: 'Search for lamps' },
      { ...where, seq: 2, t: t(2), kind: 'edit', target: searchBox, at: at(1, 2) },
      {
        ...where,
        seq: 3,
        t: t(3),
        kind: 'key',
        target: searchBox,
        key: 'Enter',
        mods: [],
        at: at(1, 2),
      },
      // The click the browser makes for the Enter: not an action.
      { ...clickEvent(session, 4), clicks: 0, at: at(1, 3) },
      // The results replace the button with a list.
      observation(5, 2, [node(4, 1, 2, { tag: 'ul', role: 'list' })], [3]),
      { ...clickEvent(session, 6), at: at(2, 4) },
      { ...where, seq: 7, t: t(7), kind: 'scroll', x: 0, y: 300, at: at(2, 1) },
      { session, seq: 8, t: t(8), kind: 'task-end', outcome: 'done' },
    ];
    const uploaded = await upload(
      app.url,
      participant.uploadToken,
      eventsBatch(observed, session, recorded),
    );
    expect(uploaded.status).toBe(200);
    expect(await uploaded.json()).toEqual({ accepted: recorded.length, duplicates: 0 });

    const [text] = await exportLines(observed.id, 'episodes');
    const validate = new Ajv2020({ allErrors: true, strict: true })
      .addFormat('uuid', /^[0-9a-f-]{36}$/)
      .compile(datasetJsonSchema());
    expect(validate(text), JSON.stringify(validate.errors)).toBe(true);
    const episode = episodeLine.parse(text);
    expect(
      episode.actions.map((action) => [
        action.seq,
        action.type,
        action.observation?.n,
        action.node,
        action.slot ?? action.key ?? action.dy,
      ]),
    ).toEqual([
      // Grounded in the observation made before the task-start.
      [2, 'type', 1, 2, '{search}'],
      [3, 'press', 1, 2, 'Enter'],
      [6, 'click', 2, 4, null],
      [7, 'scroll', 2, 1, 300],
    ]);
    expect(episode.observations.map((each) => [each.n, each.nodes.map((one) => one.id)])).toEqual([
      [1, [1, 2, 3]],
      [2, [1, 2, 4]],
    ]);
    expect(episode.observations[0]).toMatchObject({
      doc: 'docobserved1',
      origin: 'https://shop.example',
      path: '/products/:id',
      viewport: { w: 1280, h: 800 },
      scroll: { x: 0, y: 0 },
      truncated: false,
    });
    // The events export carries the observations and groundings as they were uploaded.
    const lines = await events(observed.id);
    expect(lines.map((line) => line.event)).toEqual(recorded);
  });
});
