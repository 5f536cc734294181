import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newSecretToken, newStaffTokenId } from '../../collector/common/tokens';
import { createSqlStore } from '../../collector/db/create-sql-store';
import { apiError, type EnrollmentResponse, type TraceEvent } from '../../lib/schema';
import { addStaffToken } from './support/annotation';
import { clickEvent } from './support/events';
import { enroll, upload } from './support/http';
import { type LoggedApp, startLoggedApp } from './support/logged-app';
import { rawGet, send } from './support/send';
import { studyFile } from './support/studies';
import { snapshotTables } from './support/table-snapshot';
import { eventsBatch } from './support/tasks';

// What the collector keeps about requests: structured log lines that never hold event
// content, tokens, query strings or error messages; tokens only as hashes at rest; and
// failures that tell the client nothing of the collector's insides.
const SECRET = `s3cr3t${randomBytes(6).toString('hex')}`;
const study = studyFile('secrets', { captureLevel: 'labels' });
let app: LoggedApp;
let volunteer: EnrollmentResponse;
let annotator: string;

/** Set by a test: the next readStudyStats fails with a message and code of its own. */
let failStats = false;

beforeAll(async () => {
  app = await startLoggedApp([study], {
    wrapStore: (store) => ({
      ...store,
      async readStudyStats(studyId) {
        if (failStats) {
          failStats = false;
          // As a database error would: a message quoting a value, a SQLSTATE, a stack.
          throw Object.assign(new Error(`invalid input syntax: "${SECRET}"`), { code: 'XX000' });
        }
        return store.readStudyStats(studyId);
      },
    }),
  });
  volunteer = await enroll(app.url, study);
  annotator = (await addStaffToken(app.db, 'annotator')).token;
});
afterAll(async () => {
  await app?.dispose();
});

/** Every line logged so far, parsed: each one must be a JSON object. */
function logRecords(): Array<Record<string, unknown>> {
  return app.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

function secretEvents(session: string): TraceEvent[] {
  const click = clickEvent(session, 1, {
    page: { origin: 'https://shop.example', path: `/orders/${SECRET}` },
  });
  return [
    { kind: 'task-start', session, seq: 0, t: 1_767_225_600_000, goal: `Buy ${SECRET}` },
    {
      ...click,
      target: {
        ...click.target,
        selector: `#${SECRET}`,
        name: `Pay ${SECRET}`,
        label: `Card ${SECRET}`,
      },
    },
  ];
}

describe('structured logs', () => {
  it('log every request as one JSON line, without content, tokens or queries', async () => {
    const session = randomUUID();
    const stored = await upload(
      app.url,
      volunteer.uploadToken,
      eventsBatch(study, session, secretEvents(session)),
      { idempotencyKey: `${session}:0-1:${SECRET}` },
    );
    expect(stored.status).toBe(200);
    // The click's selector is built from an id that is no structural word (the secret):
    // the collector leaves that event out.
    expect(await stored.json()).toEqual({ accepted: 1, duplicates: 0, dropped: 1 });

    // The same secret in every part of bad requests a client could put it in.
    const bad: Array<[Promise<Response>, number]> = [
      [send(`${app.url}/v1/sessions/${SECRET}`, { token: annotator }), 400],
      [
        send(`${app.url}/v1/sessions?study=${study.id}&${SECRET}=${SECRET}`, { token: annotator }),
        400,
      ],
      [send(`${app.url}/v1/${SECRET}?token=${SECRET}`), 404],
      [send(`${app.url}/v1/studies/${SECRET}`, { headers: { 'User-Agent': SECRET } }), 404],
      [send(`${app.url}/v1/sessions?study=${study.id}`, { token: SECRET }), 401],
      [
        send(`${app.url}/v1/uploads`, {
          method: 'POST',
          token: volunteer.uploadToken,
          body: `{"${SECRET}": "${SECRET}"`,
          headers: { 'Idempotency-Key': SECRET },
        }),
        400,
      ],
      [
        send(`${app.url}/v1/uploads`, {
          method: 'POST',
          token: volunteer.uploadToken,
          body: { ...eventsBatch(study, session, secretEvents(session)), [SECRET]: SECRET },
          headers: { 'Idempotency-Key': randomUUID() },
        }),
        400,
      ],
      [
        send(`${app.url}/v1/studies/${study.id}/enrollments`, {
          method: 'POST',
          body: SECRET,
          contentType: `text/${SECRET}`,
        }),
        415,
      ],
    ];
    for (const [response, status] of bad) expect((await response).status).toBe(status);
    expect((await rawGet(app.url, `/v1/studies/../${SECRET}`)).status).toBe(404);

    const log = app.logLines.join('\n');
    expect(log).not.toContain(SECRET);
    for (const token of [volunteer.uploadToken, annotator, app.researcherToken]) {
      expect(log).not.toContain(token);
    }
    expect(log).not.toContain('?');

    const records = logRecords();
    expect(records.length).toBeGreaterThanOrEqual(bad.length + 2);
    for (const record of records) {
      expect(record).toMatchObject({
        time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        level: expect.stringMatching(/^(info|warn|error)$/),
        msg: expect.any(String),
      });
      expect(Object.keys(record).slice(0, 3)).toEqual(['time', 'level', 'msg']);
    }
    const upload200 = records.find((r) => r.route === '/v1/uploads' && r.status === 200);
    expect(upload200).toEqual({
      time: expect.any(String),
      level: 'info',
      msg: 'request',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      method: 'POST',
      route: '/v1/uploads',
      status: 200,
      durationMs: expect.any(Number),
    });
    expect(records).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        route: '/v1/sessions/:id',
        status: 400,
        error: 'invalid_session_id',
      }),
    );
    expect(records).toContainEqual(
      expect.objectContaining({ route: '(none)', status: 404, error: 'not_found' }),
    );
  });

  it('name each answer by the request id the client got', async () => {
    const response = await send(`${app.url}/v1/studies/${study.id}`);
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(logRecords().at(-1)).toMatchObject({ requestId: id, route: '/v1/studies/:id' });
  });

  it('record an erasure by pseudonym and counts only', async () => {
    const leaver = await enroll(app.url, study);
    const session = randomUUID();
    await upload(app.url, leaver.uploadToken, eventsBatch(study, session, secretEvents(session)));
    const response = await send(`${app.url}/v1/participants/me`, {
      method: 'DELETE',
      token: leaver.uploadToken,
    });
    expect(response.status).toBe(200);
    expect(logRecords()).toContainEqual(
      expect.objectContaining({
        level: 'info',
        msg: 'participant erased',
        participant: leaver.participantId,
        sessions: 1,
        // The task marker; the click with the secret in its selector was left out.
        events: 1,
      }),
    );
    expect(app.logLines.join('\n')).not.toContain(SECRET);
  });
});

describe('failures', () => {
  it('tell the client nothing of the collector inside, and log no message', async () => {
    failStats = true;
    const response = await send(`${app.url}/v1/stats?study=${study.id}`, {
      token: app.researcherToken,
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(apiError.parse(JSON.parse(text))).toEqual({
      error: 'internal',
      message: 'The collector failed to handle this request; try again later.',
    });
    for (const leak of [SECRET, 'XX000', 'invalid input syntax', ' at ', '.ts:', 'Error']) {
      expect(text).not.toContain(leak);
    }
    const id = response.headers.get('x-request-id');
    const record = logRecords().find((r) => r.requestId === id);
    expect(record).toEqual({
      time: expect.any(String),
      level: 'error',
      msg: 'request',
      requestId: id,
      method: 'GET',
      route: '/v1/stats',
      status: 500,
      durationMs: expect.any(Number),
      error: 'internal',
      errorClass: 'Error',
      errorCode: 'XX000',
    });
    expect(app.logLines.join('\n')).not.toContain(SECRET);
  });
});

describe('tokens at rest', () => {
  it('are stored only as SHA-256 hashes, upload and staff tokens alike', async () => {
    const joined = await enroll(app.url, study);
    const staffToken = newSecretToken();
    await createSqlStore(app.db).createStaffToken({
      id: newStaffTokenId(),
      role: 'researcher',
      tokenHash: hashToken(staffToken),
      label: 'rest',
    });
    expect(
      (await send(`${app.url}/v1/stats?study=${study.id}`, { token: staffToken })).status,
    ).toBe(200);
    const everything = JSON.stringify(await snapshotTables(app.db));
    for (const token of [joined.uploadToken, volunteer.uploadToken, staffToken, annotator]) {
      expect(everything).not.toContain(token);
      expect(everything).toContain(hashToken(token));
    }
    expect(everything).not.toContain(app.researcherToken);
  });
});
