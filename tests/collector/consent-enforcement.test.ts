import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EnrollmentResponse,
  episodeLine,
  eventLine,
  SCHEMA_VERSION,
  type StudyFile,
  type TargetDescriptor,
  type TraceEvent,
  type UploadBatch,
  uploadResponse,
} from '../../lib/schema';
import { call, expectError } from './support/annotation';
import { clickEvent } from './support/events';
import { enroll, upload } from './support/http';
import { type LoggedApp, startLoggedApp } from './support/logged-app';
import { studyFile } from './support/studies';
import { restartTempCollector, startTempCollector } from './support/temp-collector';

// The collector enforces the study's consent itself: an outdated or modified extension
// must not put more into the dataset than the volunteer agreed to. Over real HTTP, on
// the backend the test project runs (PGlite or PostgreSQL).
const allowlist = [{ match: 'https://shop.example/*', excludePaths: ['/account/*'] }];
const structure = studyFile('enforce-structure', { allowlist, captureLevel: 'structure' });
const labels = studyFile('enforce-labels', { allowlist, captureLevel: 'labels' });
const paths = studyFile('enforce-paths', { allowlist, captureLevel: 'labels' });
const replays = studyFile('enforce-replays', { allowlist });
let app: LoggedApp;

beforeAll(async () => {
  app = await startLoggedApp([structure, labels, paths, replays]);
});
afterAll(async () => {
  await app?.dispose();
});

/** A string found nowhere else: the planted names and labels carry it. */
const PLANTED = `qz${randomUUID().replaceAll('-', '').slice(0, 12)}`;

function target(name?: string, label?: string): TargetDescriptor {
  return {
    tag: 'input',
    role: 'textbox',
    field: 'text',
    selector: 'form > input.name',
    shadow: [],
    box: { x: 10, y: 20, w: 200, h: 24 },
    viewport: { w: 1280, h: 800 },
    ...(name === undefined ? {} : { name }),
    ...(label === undefined ? {} : { label }),
  };
}

/**
 * A labels-level session: every kind of event that carries a target descriptor, each
 * with a planted name and label (the optional targets of key and clipboard too), and
 * events that carry none. Returns the batch and how many fields hold planted text.
 */
function labelsBatch(
  study: StudyFile,
  session = randomUUID(),
): {
  batch: UploadBatch;
  planted: number;
} {
  const page = { origin: 'https://shop.example', path: '/checkout' };
  const named = (seq: number) => target(`Name ${PLANTED} ${seq}`, `Label ${PLANTED} ${seq}`);
  const base = (seq: number) => ({ session, seq, t: 1_767_225_600_000 + seq * 250 });
  const where = { tab: 0, frame: [], page };
  const pointer = { button: 0, clicks: 1, mods: [] };
  const events: TraceEvent[] = [
    { kind: 'task-start', ...base(0), goal: 'Buy a lamp' },
    { kind: 'click', ...base(1), ...where, target: named(1), ...pointer },
    { kind: 'dblclick', ...base(2), ...where, target: named(2), ...pointer, clicks: 2 },
    { kind: 'contextmenu', ...base(3), ...where, target: named(3), ...pointer, button: 2 },
    { kind: 'focus', ...base(4), ...where, target: named(4) },
    { kind: 'edit', ...base(5), ...where, target: named(5) },
    { kind: 'change', ...base(6), ...where, target: target(`Only a name ${PLANTED}`) },
    { kind: 'submit', ...base(7), ...where, target: named(7), fields: { text: 2 } },
    { kind: 'key', ...base(8), ...where, target: named(8), key: 'Enter', mods: [] },
    { kind: 'key', ...base(9), ...where, key: 'Escape', mods: [] },
    { kind: 'clipboard', ...base(10), ...where, action: 'copy', target: named(10) },
    { kind: 'clipboard', ...base(11), ...where, action: 'paste' },
    { kind: 'scroll', ...base(12), ...where, x: 0, y: 400 },
    { kind: 'click', ...base(13), ...where, target: target(), ...pointer },
    { kind: 'navigation', ...base(14), ...where, transition: 'link', qualifiers: [] },
    { kind: 'tab', ...base(15), tab: 0, action: 'switched' },
    { kind: 'task-end', ...base(16), outcome: 'done' },
  ];
  // Eight events with a name and a label, one with a name only.
  return { batch: batchOf(study, session, events), planted: 8 * 2 + 1 };
}

function batchOf(study: StudyFile, session: string, events: TraceEvent[]): UploadBatch {
  return {
    schemaVersion: SCHEMA_VERSION,
    study: study.id,
    consentVersion: study.consent.version,
    extensionVersion: '0.1.0',
    session: { id: session, startedAt: 1_767_225_600_000 },
    events,
  };
}

async function exportText(studyId: string, format: 'events' | 'episodes'): Promise<string> {
  const response = await call(
    `${app.url}/v1/export?study=${studyId}&format=${format}`,
    app.researcherToken,
  );
  expect(response.status).toBe(200);
  return response.text();
}

const linesOf = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as unknown);

async function storedBodies(studyId: string): Promise<string[]> {
  const { rows } = await app.db.query<{ body: string }>(
    'select body::text as body from events where study_id = $1 order by session_id, seq',
    [studyId],
  );
  return rows.map((row) => row.body);
}

async function storedSeqs(session: string): Promise<number[]> {
  const { rows } = await app.db.query<{ seq: number }>(
    'select seq from events where session_id = $1 order by seq',
    [session],
  );
  return rows.map((row) => Number(row.seq));
}

const enforcementLogs = () =>
  app.logLines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.msg === 'upload outside consent');

describe('capture level', () => {
  it('strips names and labels at level structure, keeps the rest, and says so', async () => {
    const { uploadToken } = await enroll(app.url, structure);
    const { batch, planted } = labelsBatch(structure);
    const logsBefore = enforcementLogs().length;

    const response = await upload(app.url, uploadToken, batch);
    expect(response.status).toBe(200);
    expect(uploadResponse.parse(await response.json())).toEqual({
      accepted: batch.events.length,
      duplicates: 0,
      stripped: planted,
    });

    const bodies = await storedBodies(structure.id);
    expect(bodies).toHaveLength(batch.events.length);
    expect(bodies.join('\n')).not.toContain(PLANTED);
    for (const body of bodies) {
      const event = JSON.parse(body) as { target?: unknown };
      if (typeof event.target === 'object') {
        expect(event.target).not.toHaveProperty('name');
        expect(event.target).not.toHaveProperty('label');
      }
    }

    const text = await exportText(structure.id, 'events');
    expect(text).not.toContain(PLANTED);
    const lines = linesOf(text).map((line) => eventLine.parse(line));
    expect(lines.map((line) => line.event.seq)).toEqual(batch.events.map((event) => event.seq));
    // Only the names and labels went: the click is otherwise as sent.
    const {
      name: _name,
      label: _label,
      ...clickTarget
    } = (batch.events[1] as Extract<TraceEvent, { kind: 'click' }>).target;
    expect(lines[1]!.event).toEqual({ ...batch.events[1], target: clickTarget });
    expect(await exportText(structure.id, 'episodes')).not.toContain(PLANTED);

    // One log line for the batch, with counts and nothing of what was stripped.
    const logged = enforcementLogs().slice(logsBefore);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      level: 'warn',
      study: structure.id,
      events: batch.events.length,
      stripped: planted,
      dropped: 0,
    });
    expect(app.logLines.join('\n')).not.toContain(PLANTED);
  });

  it('keeps names and labels at level labels', async () => {
    const { uploadToken } = await enroll(app.url, labels);
    const { batch, planted } = labelsBatch(labels);
    const logsBefore = enforcementLogs().length;

    const response = await upload(app.url, uploadToken, batch);
    expect(await response.json()).toEqual({ accepted: batch.events.length, duplicates: 0 });

    const text = await exportText(labels.id, 'events');
    expect(text.split(PLANTED).length - 1).toBe(planted);
    expect(linesOf(text).map((line) => eventLine.parse(line).event)).toEqual(batch.events);
    expect(enforcementLogs().slice(logsBefore)).toEqual([]);
  });
});

describe('excluded paths', () => {
  let volunteer: EnrollmentResponse;
  beforeAll(async () => {
    volunteer = await enroll(app.url, paths);
  });

  const onPage = (
    session: string,
    seq: number,
    pagePath: string,
    origin = 'https://shop.example',
  ) => clickEvent(session, seq, { page: { origin, path: pagePath } });

  it('drops events from pages the study excludes or does not list, keeps the others', async () => {
    const session = randomUUID();
    const excluded = ['/account/x', '/Account/x', '/%61ccount/x', '/account', '/shop/../account/x'];
    const events: TraceEvent[] = [
      { kind: 'task-start', session, seq: 0, t: 1_767_225_600_000, goal: 'Find a lamp' },
      onPage(session, 1, '/products/lamp'),
      ...excluded.map((pagePath, index) => onPage(session, 2 + index, pagePath)),
      // A placeholder cannot stand for `account`: the scrubber keeps structural words.
      onPage(session, 7, '/:text/x'),
      onPage(session, 8, '/products/lamp', 'https://elsewhere.example'),
      onPage(session, 9, '/accounts/x'),
      { kind: 'tab', session, seq: 10, t: 1_767_225_603_000, tab: 0, action: 'opened' },
      onPage(session, 11, '/cart'),
      { kind: 'task-end', session, seq: 12, t: 1_767_225_604_000, outcome: 'done' },
    ];
    const logsBefore = enforcementLogs().length;

    const response = await upload(app.url, volunteer.uploadToken, batchOf(paths, session, events));
    expect(response.status).toBe(200);
    // `lamp` is no structural word: its segment is replaced, and counted as stripped.
    expect(await response.json()).toEqual({ accepted: 7, duplicates: 0, dropped: 6, stripped: 1 });

    const kept = [0, 1, 7, 9, 10, 11, 12];
    expect(await storedSeqs(session)).toEqual(kept);
    const text = await exportText(paths.id, 'events');
    const exported = linesOf(text).map((line) => eventLine.parse(line).event);
    expect(exported).toEqual(
      events
        .filter((event) => kept.includes(event.seq))
        .map((event) =>
          event.seq === 1 && event.kind === 'click'
            ? { ...event, page: { ...event.page, path: '/products/:text' } }
            : event,
        ),
    );
    expect(text).not.toMatch(/ccount\/x"|"\/account"|\/lamp|elsewhere/i);

    const logged = enforcementLogs().slice(logsBefore);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ study: paths.id, stripped: 1, dropped: 6 });
    expect(JSON.stringify(logged)).not.toMatch(/account|elsewhere/i);

    // The gaps in seq are no trouble for the session view nor the episodes export.
    const view = await call(`${app.url}/v1/sessions/${session}`, app.researcherToken);
    expect(view.status).toBe(200);
    const { events: viewed } = (await view.json()) as { events: { seq: number }[] };
    expect(viewed.map((event) => event.seq)).toEqual(kept);
    const episodes = linesOf(await exportText(paths.id, 'episodes')).map((line) =>
      episodeLine.parse(line),
    );
    expect(episodes).toHaveLength(1);
    expect(episodes[0]).toMatchObject({
      session,
      goal: 'Find a lamp',
      start: { seq: 0 },
      end: { seq: 12 },
    });
    expect(episodes[0]!.actions.map((event) => event.seq)).toEqual([1, 7, 9, 10, 11]);
  });

  it('answers a batch with nothing left to store without opening a session', async () => {
    const session = randomUUID();
    const events = [onPage(session, 0, '/account/x'), onPage(session, 1, '/account/y')];
    const response = await upload(app.url, volunteer.uploadToken, batchOf(paths, session, events));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accepted: 0, duplicates: 0, dropped: 2 });
    const { rows } = await app.db.query<{ n: number }>(
      'select count(*)::integer as n from sessions where id = $1',
      [session],
    );
    expect(rows[0]!.n).toBe(0);
    expect(await storedSeqs(session)).toEqual([]);

    // The session's later, allowed events are stored as usual.
    const later = await upload(
      app.url,
      volunteer.uploadToken,
      batchOf(paths, session, [onPage(session, 2, '/cart')]),
    );
    expect(await later.json()).toEqual({ accepted: 1, duplicates: 0 });
    expect(await storedSeqs(session)).toEqual([2]);
  });
});

describe('query keys and test-id attributes the study names', () => {
  it('removes other query keys and leaves out events whose selector uses another data-* attribute', async () => {
    const named = studyFile('enforce-named', {
      allowlist,
      captureLevel: 'structure',
      queryKeys: ['sort'],
      testIdAttributes: ['data-testid'],
    });
    const namedApp = await startLoggedApp([named]);
    try {
      const { uploadToken } = await enroll(namedApp.url, named);
      const session = randomUUID();
      const events: TraceEvent[] = [
        clickEvent(session, 0, {
          page: { origin: 'https://shop.example', path: '/cart', queryKeys: ['sort', 'q'] },
        }),
        {
          ...clickEvent(session, 1),
          target: { ...target(), selector: `[data-user="${PLANTED}"]` },
        },
        { ...clickEvent(session, 2), target: { ...target(), selector: '[data-testid="buy"]' } },
      ];
      const response = await upload(namedApp.url, uploadToken, batchOf(named, session, events));
      expect(await response.json()).toEqual({
        accepted: 2,
        duplicates: 0,
        stripped: 1,
        dropped: 1,
      });
      const { rows } = await namedApp.db.query<{ body: unknown }>(
        'select body from events where session_id = $1 order by seq',
        [session],
      );
      const stored = JSON.stringify(rows);
      expect(stored).not.toContain(PLANTED);
      expect(stored).not.toContain('"q"');
      expect(stored).toContain('data-testid');
    } finally {
      await namedApp.dispose();
    }
  });
});

describe('idempotent replays', () => {
  it('replays the stored answer, counts included, for a first and a later batch', async () => {
    const { uploadToken } = await enroll(app.url, replays);
    const session = randomUUID();
    const { batch, planted } = labelsBatch(replays, session);
    const excludedClick = clickEvent(session, 17, {
      page: { origin: 'https://shop.example', path: '/account/orders' },
    });
    const later = batchOf(replays, session, [
      excludedClick,
      { ...clickEvent(session, 18), target: target(`Later ${PLANTED}`) },
    ]);

    // The first batch opens the session; the later one takes the one-statement path.
    for (const [sent, answer] of [
      [batch, { accepted: batch.events.length, duplicates: 0, stripped: planted }],
      [later, { accepted: 1, duplicates: 0, stripped: 1, dropped: 1 }],
    ] as const) {
      const key = `${session}:${sent.events[0]!.seq}:${randomUUID()}`;
      const first = await upload(app.url, uploadToken, sent, { idempotencyKey: key });
      expect(first.status).toBe(200);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(await first.json()).toEqual(answer);

      // Gzipped or not, the same bytes are the same request.
      const again = await upload(app.url, uploadToken, sent, { idempotencyKey: key, gzip: false });
      expect(again.status).toBe(200);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.json()).toEqual(answer);

      // The same key with another body is still refused.
      const changed = { ...sent, extensionVersion: '0.1.1' };
      await expectError(
        await upload(app.url, uploadToken, changed, { idempotencyKey: key }),
        422,
        'idempotency_key_reused',
      );
    }

    // Under a new key, (session, seq) still stores nothing twice.
    const fresh = await upload(app.url, uploadToken, batch);
    expect(await fresh.json()).toEqual({
      accepted: 0,
      duplicates: batch.events.length,
      stripped: planted,
    });
    expect(await storedSeqs(session)).toEqual([...batch.events.map((event) => event.seq), 18]);
    expect((await storedBodies(replays.id)).join('\n')).not.toContain(PLANTED);
  });
});

describe('a study no longer on the collector', () => {
  it('stores nothing for it: there is no consent to check the batch against', async () => {
    const gone = studyFile('enforce-gone');
    const stays = studyFile('enforce-stays');
    let collector = await startTempCollector([gone, stays]);
    try {
      const { uploadToken } = await enroll(collector.url, gone);
      await rm(path.join(collector.studiesDir, `${gone.id}.json`));
      collector = await restartTempCollector(collector, [stays]);
      const { batch } = labelsBatch(gone);
      const body = await expectError(
        await upload(collector.url, uploadToken, batch),
        404,
        'unknown_study',
      );
      expect(body.message).toContain(gone.id);
    } finally {
      await collector.dispose();
    }
  });
});
