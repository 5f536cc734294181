import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import http, { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NEVER_RECORDED } from '../../lib/privacy/disclosure';
import {
  type EnrollmentResponse,
  type EventLine,
  episodeLine,
  eventLine,
  exportManifest,
  exportSummary,
  SCHEMA_VERSION,
  type StudyFile,
} from '../../lib/schema';
import { datasetJsonSchema } from '../../lib/schema/dataset-json-schema';
import { call, expectError } from './support/annotation';
import { enroll, upload } from './support/http';
import { studyFile } from './support/studies';
import { eventsBatch, scriptedEvents } from './support/tasks';
import { startTestApp, type TestApp } from './support/test-app';

// The export CLI as researchers run it, a real child process, against a real collector
// over HTTP; and the files it writes read back as a researcher's tools would read them.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const study = studyFile('export-files');
const licensed = studyFile('licensed', { license: 'cc-by-4.0' });
const cut = studyFile('cut-short');
const JAN_1 = Date.parse('2026-01-01T00:00:00Z');
const JAN_3 = Date.parse('2026-01-03T00:00:00Z');

let app: TestApp;
let volunteer: EnrollmentResponse;
let leaver: EnrollmentResponse;
let tmp: string;
const annotatedSession = randomUUID();
const laterSession = randomUUID();
const erasedSession = randomUUID();

/** A session's events from a script (see scriptedEvents), started at `startedAt`. */
async function uploadSession(
  target: StudyFile,
  token: string,
  session: string,
  script: string,
  startedAt: number,
) {
  const shift = startedAt - JAN_1;
  const events = scriptedEvents(session, script).map((event) => ({ ...event, t: event.t + shift }));
  for (let at = 0; at < events.length; at += 500) {
    const batch = eventsBatch(target, session, events.slice(at, at + 500));
    const response = await upload(app.url, token, {
      ...batch,
      session: { id: session, startedAt },
    });
    expect(response.status).toBe(200);
  }
}

function runExport(
  args: string[],
  token: string | null = app.researcherToken,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.TASKTRACE_RESEARCHER_TOKEN;
  if (token !== null) env.TASKTRACE_RESEARCHER_TOKEN = token;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/export.ts', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/**
 * schema.json compiled as a careful researcher would (strict), `uuid` checked as
 * ajv-formats checks it. It must be the schema the zod schemas generate.
 */
function compileSchema(schema: object): ValidateFunction {
  expect(schema).toEqual(datasetJsonSchema());
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  return ajv.compile(schema);
}

/** Every line of a JSONL file, read with node's line reader and checked against the schema. */
async function readJsonl(file: string, validate: ValidateFunction): Promise<unknown[]> {
  const lines: unknown[] = [];
  const reader = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of reader) {
    const value = JSON.parse(line) as unknown;
    if (!validate(value)) {
      throw new Error(
        `line ${lines.length + 1} fails schema.json: ${JSON.stringify(validate.errors)}`,
      );
    }
    lines.push(value);
  }
  return lines;
}

async function sha256(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

/** The manifest states each other file's size, lines and hash exactly. */
async function checkManifest(out: string) {
  const manifest = exportManifest.parse(
    JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')),
  );
  for (const file of manifest.files) {
    const full = path.join(out, file.name);
    expect((await stat(full)).size).toBe(file.bytes);
    expect(await sha256(full)).toBe(file.sha256);
    if (file.name.endsWith('.jsonl')) {
      const text = await readFile(full, 'utf8');
      expect(text.split('\n').length - 1).toBe(file.lines);
    } else {
      expect(file.lines).toBeUndefined();
    }
  }
  return manifest;
}

/** A GET over plain node:http, which never decompresses on its own. */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

async function exportedSessions(query: string): Promise<string[]> {
  const response = await call(
    `${app.url}/v1/export?study=${study.id}&${query}`,
    app.researcherToken,
  );
  expect(response.status).toBe(200);
  const lines = (await response.text()).split('\n').filter(Boolean);
  return [...new Set(lines.map((line) => (JSON.parse(line) as EventLine).session))].sort();
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tasktrace-export-'));
  app = await startTestApp([study, licensed, cut], (store) => ({
    ...store,
    // The cut-short study's export fails after its first page: the connection is cut.
    readExportEventsPage: (selection, after, limit) =>
      selection.studyId === cut.id && after
        ? Promise.reject(new Error('database gone'))
        : store.readExportEventsPage(selection, after, limit),
  }));
  volunteer = await enroll(app.url, study);
  leaver = await enroll(app.url, study);

  // Markers 0–4; an annotator redraws the task as 1–3.
  await uploadSession(study, volunteer.uploadToken, annotatedSession, 'scccec', JAN_1);
  const saved = await call(
    `${app.url}/v1/sessions/${annotatedSession}/tasks`,
    app.researcherToken,
    {
      method: 'PUT',
      body: { version: 0, tasks: [{ start: 1, end: 3, goal: 'Find the shoes', outcome: 'done' }] },
    },
  );
  expect(saved.status).toBe(200);
  // Markers only: one task 2–4, two days later.
  await uploadSession(study, volunteer.uploadToken, laterSession, 'ccscec', JAN_3);
  // Uploaded, then erased with its participant.
  await uploadSession(study, leaver.uploadToken, erasedSession, 'scce', JAN_1);
  const erased = await call(`${app.url}/v1/participants/me`, leaver.uploadToken, {
    method: 'DELETE',
  });
  expect(erased.status).toBe(200);

  const cutter = await enroll(app.url, cut);
  await uploadSession(cut, cutter.uploadToken, randomUUID(), 'c'.repeat(1200), JAN_1);
});

afterAll(async () => {
  await app?.dispose();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('npm run export', () => {
  it('writes the four files: JSONL that a line reader loads and schema.json validates', async () => {
    const out = path.join(tmp, 'events');
    const run = await runExport(['--collector', app.url, '--study', study.id, '--out', out]);
    expect(run.stderr).toContain('events: 12 of 12 (100%)');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('events.jsonl');
    expect((await readdir(out)).sort()).toEqual([
      'datasheet.md',
      'events.jsonl',
      'manifest.json',
      'schema.json',
    ]);

    const schema = JSON.parse(await readFile(path.join(out, 'schema.json'), 'utf8')) as object;
    const lines = (await readJsonl(path.join(out, 'events.jsonl'), compileSchema(schema))).map(
      (line) => eventLine.parse(line),
    );
    expect(lines).toHaveLength(12);
    expect(new Set(lines.map((line) => line.participant))).toEqual(
      new Set([volunteer.participantId]),
    );
    const task = `${annotatedSession}:1`;
    expect(lines.filter((line) => line.task === task).map((line) => line.event.seq)).toEqual([
      1, 2, 3,
    ]);
    for (const name of await readdir(out)) {
      const text = await readFile(path.join(out, name), 'utf8');
      expect(text).not.toContain(leaver.participantId);
      expect(text).not.toContain(erasedSession);
    }

    const manifest = await checkManifest(out);
    expect(manifest).toMatchObject({
      study: study.id,
      format: 'events',
      filters: { from: null, to: null, annotated: null },
      schemaVersion: SCHEMA_VERSION,
      collectorVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(manifest.files.map((file) => file.name)).toEqual([
      'events.jsonl',
      'schema.json',
      'datasheet.md',
    ]);
    expect(manifest.files[0]?.lines).toBe(12);

    const sheet = await readFile(path.join(out, 'datasheet.md'), 'utf8');
    const header = sheet.slice(0, sheet.indexOf('\n---\n', 4) + 5);
    expect(header).toMatch(
      /^---\npretty_name: "Study export-files"\nlicense: unknown # set "license"/,
    );
    expect(header).toContain('size_categories:\n- "n<1K"\n');
    expect(header).toContain(
      'configs:\n- config_name: events\n  data_files:\n  - split: train\n    path: "events.jsonl"\n',
    );
    for (const row of [
      '| participants | 1 |',
      '| sessions | 2 |',
      '| events | 12 |',
      '| episodes (tasks) | 2 |',
      '| episodes with boundaries set by an annotator | 1 |',
      '| annotated sessions | 1 |',
    ]) {
      expect(sheet).toContain(row);
    }
    expect(sheet).toContain(
      `First event: 2026-01-01T00:00:00.000Z. Last event: ${new Date(JAN_3 + 5 * 250).toISOString()}.`,
    );
    expect(sheet).toContain('Capture level: `structure`');
    expect(sheet).toContain(`Consent versions: \`${study.consent.version}\` (12 events)`);
    expect(sheet).toContain(`- ${NEVER_RECORDED[0]}`);
    expect(sheet).toContain('## Withdrawal and erasure');
  });

  it('exports episodes of annotated sessions only', async () => {
    const out = path.join(tmp, 'episodes');
    const run = await runExport([
      '--collector',
      app.url,
      '--study',
      study.id,
      '--out',
      out,
      '--format',
      'episodes',
      '--annotated',
    ]);
    expect(run.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      'datasheet.md',
      'episodes.jsonl',
      'manifest.json',
      'schema.json',
    ]);
    const schema = JSON.parse(await readFile(path.join(out, 'schema.json'), 'utf8')) as object;
    const lines = (await readJsonl(path.join(out, 'episodes.jsonl'), compileSchema(schema))).map(
      (line) => episodeLine.parse(line),
    );
    expect(lines).toMatchObject([
      {
        session: annotatedSession,
        task: `${annotatedSession}:1`,
        goal: 'Find the shoes',
        boundariesBy: 'annotator',
      },
    ]);
    const manifest = await checkManifest(out);
    expect(manifest.filters).toEqual({ from: null, to: null, annotated: true });
    const sheet = await readFile(path.join(out, 'datasheet.md'), 'utf8');
    expect(sheet).toContain('    path: "episodes.jsonl"\n');
    // The action space, slots and observations, and what schema version 2 changed.
    for (const action of ['goto(path)', 'click(node)', 'type(node, slot)', 'select(node, slot)']) {
      expect(sheet).toContain(`| \`${action}\` |`);
    }
    for (const action of ['press(key)', 'scroll(target, dx, dy)', 'tab(open, switch, close)']) {
      expect(sheet).toContain(`| \`${action}\` |`);
    }
    expect(sheet).toContain('A typed or chosen value is a **slot**');
    expect(sheet).toContain('### Schema version 2');
    expect(sheet).toContain('lib/trace/migrate-line.ts');
    // The scripted clicks, recorded without observations.
    expect(lines[0]?.actions.map((action) => [action.type, action.observation])).toEqual([
      ['click', null],
      ['click', null],
      ['click', null],
    ]);
    expect(lines[0]?.observations).toEqual([]);
    expect(sheet).toContain('| sessions | 1 |');
    expect(sheet).toContain('only sessions an annotator saved tasks for');
  });

  it('fails clearly and leaves no file behind', async () => {
    // @hono/node-server reports the cut-short stream on the console; expected here.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const aFile = path.join(tmp, 'a-file');
    await writeFile(aFile, 'not a folder');
    const out = (name: string) => path.join(tmp, 'failed', name);
    // An earlier export stays as it was when a new one into its folder fails.
    const earlier = path.join(tmp, 'earlier');
    await mkdir(earlier);
    await writeFile(path.join(earlier, 'events.jsonl'), 'earlier export\n');
    const args = (name: string, collector = app.url, id = study.id) => [
      '--collector',
      collector,
      '--study',
      id,
      '--out',
      out(name),
    ];

    const [wrongToken, noToken, unreachable, unknownStudy, badDate, cutShort, notWritable, over] =
      await Promise.all([
        runExport(args('wrong-token'), 'not-the-researcher-token'),
        runExport(args('no-token'), null),
        runExport(args('unreachable', deadUrl)),
        runExport(args('unknown-study', app.url, 'nope')),
        runExport([...args('bad-date'), '--from', '31/01/2026']),
        runExport(args('cut-short', app.url, cut.id)),
        runExport(['--collector', app.url, '--study', study.id, '--out', path.join(aFile, 'x')]),
        runExport(['--collector', app.url, '--study', cut.id, '--out', earlier]),
      ]);

    expect(wrongToken.code).toBe(1);
    expect(wrongToken.stderr).toMatch(/refused the researcher token.*invalid_researcher_token/);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('No researcher token. Set TASKTRACE_RESEARCHER_TOKEN');
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain(
      `Could not reach the collector at ${deadUrl} (ECONNREFUSED)`,
    );
    expect(unknownStudy.code).toBe(1);
    expect(unknownStudy.stderr).toContain('has no study "nope"');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--from: must be an ISO date/);
    expect(cutShort.code).toBe(1);
    expect(cutShort.stderr).toMatch(/The download broke off after [\d,]+ lines/);
    expect(notWritable.code).toBe(1);
    expect(notWritable.stderr).toContain('Cannot write to the output folder');
    expect(existsSync(path.join(tmp, 'failed'))).toBe(false);
    expect(await readFile(aFile, 'utf8')).toBe('not a folder');
    expect(over.code).toBe(1);
    expect(await readdir(earlier)).toEqual(['events.jsonl']);
    expect(await readFile(path.join(earlier, 'events.jsonl'), 'utf8')).toBe('earlier export\n');
    quiet.mockRestore();
  });
});

describe('GET /v1/export filters and encoding', () => {
  it('keeps sessions that started in [from, to)', async () => {
    expect(await exportedSessions('from=2026-01-02')).toEqual([laterSession]);
    expect(await exportedSessions('to=2026-01-02')).toEqual([annotatedSession]);
    // from is inclusive, to exclusive: a session that started at the bound is in `from`'s side.
    expect(await exportedSessions('from=2026-01-03T00:00:00Z')).toEqual([laterSession]);
    expect(await exportedSessions('to=2026-01-03T01:00:00%2B01:00')).toEqual([annotatedSession]);
    expect(await exportedSessions('from=2026-01-01&to=2026-01-04&annotated=false')).toEqual([
      laterSession,
    ]);
    expect(await exportedSessions('annotated=true')).toEqual([annotatedSession]);
  });

  it('names the parameter and its accepted form when a filter is wrong', async () => {
    const url = (query: string) => `${app.url}/v1/export?study=${study.id}&${query}`;
    const token = app.researcherToken;
    const badFrom = await expectError(
      await call(url('from=yesterday'), token),
      400,
      'invalid_query',
    );
    expect(badFrom.issues).toEqual([
      expect.stringMatching(/^from: must be an ISO date \(2026-01-31/),
    ]);
    expect(badFrom.message).toContain('annotated=true|false');
    const reversed = await expectError(
      await call(url('from=2026-02-01&to=2026-01-01'), token),
      400,
      'invalid_query',
    );
    expect(reversed.issues).toEqual([
      'to: must be later than from (from is inclusive, to exclusive)',
    ]);
    const local = await expectError(
      await call(url('to=2026-01-01T12:00:00'), token),
      400,
      'invalid_query',
    );
    expect(local.issues?.[0]).toMatch(/^to: /);
    await expectError(await call(url('annotated=yes'), token), 400, 'invalid_query');
    await expectError(await call(url('limit=5'), token), 400, 'invalid_query');
  });

  it('gzips the stream when asked, and only then', async () => {
    const url = `${app.url}/v1/export?study=${study.id}&format=events`;
    const auth = { Authorization: `Bearer ${app.researcherToken}` };
    const gzipped = await rawGet(url, { ...auth, 'Accept-Encoding': 'gzip, deflate' });
    const plain = await rawGet(url, auth);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.body.toString('utf8').split('\n')).toHaveLength(13);
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
    const refused = await rawGet(url, { ...auth, 'Accept-Encoding': 'gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('summarises the same selection as JSON, and takes the license from the study file', async () => {
    const response = await call(
      `${app.url}/v1/export/summary.json?study=${study.id}&format=episodes&to=2026-01-02`,
      app.researcherToken,
    );
    expect(response.status).toBe(200);
    expect(exportSummary.parse(await response.json())).toMatchObject({
      format: 'episodes',
      filters: { from: null, to: '2026-01-02T00:00:00.000Z', annotated: null },
      rows: 1,
      sessions: 1,
      events: 6,
      episodes: 1,
      annotatorEpisodes: 1,
      consentVersions: [{ version: study.consent.version, events: 6 }],
      extensionVersions: [{ version: '0.1.0', events: 6 }],
    });
    const sheet = await call(
      `${app.url}/v1/export/datasheet.md?study=${licensed.id}`,
      app.researcherToken,
    );
    expect(sheet.headers.get('content-type')).toMatch(/^text\/markdown/);
    const text = await sheet.text();
    expect(text).toContain('\nlicense: "cc-by-4.0"\n');
    expect(text).toContain('| events | 0 |');
    expect(text).toContain('First event: none.');
    await expectError(
      await call(`${app.url}/v1/export/schema.json`, 'wrong-token'),
      401,
      'invalid_researcher_token',
    );
  });
});
