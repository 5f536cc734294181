import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlStore } from '../../collector/db/create-sql-store';
import {
  type ApiError,
  apiError,
  type EnrollmentResponse,
  type UploadBatch,
} from '../../lib/schema';
import { addStaffToken } from './support/annotation';
import { clickBatch, clickEvent } from './support/events';
import { batchKey, enroll, upload } from './support/http';
import { type LoggedApp, startLoggedApp } from './support/logged-app';
import { rawGet, type SendOptions, send } from './support/send';
import { studyFile } from './support/studies';
import { snapshotTables } from './support/table-snapshot';

// Hostile and careless requests, over real HTTP against a real database: each gets the
// right status, the shared error shape with a message that says what to do, and leaves
// every table exactly as it was.
const study = studyFile('hostile');
const otherStudy = studyFile('bystander', { consent: { text: 'Other.', version: 'v2' } });
let app: LoggedApp;
let alice: EnrollmentResponse;
let bob: EnrollmentResponse;
let erased: EnrollmentResponse;
let annotator: string;
let revoked: string;
let aliceBatch: UploadBatch;
const aliceKey = () => batchKey(aliceBatch);

beforeAll(async () => {
  app = await startLoggedApp([study, otherStudy]);
  [alice, bob, erased] = [
    await enroll(app.url, study),
    await enroll(app.url, study),
    await enroll(app.url, study),
  ];
  aliceBatch = batchFor({ count: 4 });
  expect(
    (await upload(app.url, alice.uploadToken, aliceBatch, { idempotencyKey: aliceKey() })).status,
  ).toBe(200);
  expect((await upload(app.url, bob.uploadToken, batchFor())).status).toBe(200);
  expect((await upload(app.url, erased.uploadToken, batchFor())).status).toBe(200);
  expect((await send(`${app.url}/v1/participants/me`, me(erased, 'DELETE'))).status).toBe(200);
  annotator = (await addStaffToken(app.db, 'annotator')).token;
  const gone = await addStaffToken(app.db, 'annotator');
  expect(await createSqlStore(app.db).revokeStaffToken(gone.id)).toBe('revoked');
  revoked = gone.token;
});
afterAll(async () => {
  await app?.dispose();
});

function batchFor(options: { session?: string; count?: number } = {}): UploadBatch {
  return clickBatch({ study: study.id, consentVersion: study.consent.version, ...options });
}

function me(who: EnrollmentResponse, method: string): SendOptions {
  return { method, token: who.uploadToken };
}

/** An upload as the extension sends it, with whatever changes a test makes. */
function uploadOptions(body: unknown, options: SendOptions = {}): SendOptions {
  return {
    method: 'POST',
    token: alice.uploadToken,
    body,
    gzip: true,
    ...options,
    headers: { 'Idempotency-Key': randomUUID(), ...options.headers },
  };
}

/**
 * Sends one request and checks the refusal: status, error code, a message that matches,
 * and every table of the database unchanged.
 */
async function expectRefused(
  request: () => Promise<Response>,
  status: number,
  code: string,
  message: RegExp,
): Promise<ApiError> {
  const before = await snapshotTables(app.db);
  const response = await request();
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = apiError.parse(await response.json());
  expect(body.error).toBe(code);
  expect(body.message).toMatch(message);
  expect(await snapshotTables(app.db)).toEqual(before);
  return body;
}

const uploadsUrl = () => `${app.url}/v1/uploads`;
const enrollUrl = (id = study.id) => `${app.url}/v1/studies/${id}/enrollments`;
const consentsUrl = () => `${app.url}/v1/participants/me/consents`;
const tasksUrl = (id: string) => `${app.url}/v1/sessions/${id}/tasks`;

describe('bodies', () => {
  it('refuses a body over the cap, declared or streamed, with 413', async () => {
    const big = JSON.stringify({ ...batchFor(), padding: 'x'.repeat(9 * 1024 * 1024) });
    await expectRefused(
      () => send(uploadsUrl(), uploadOptions(big, { gzip: false })),
      413,
      'body_too_large',
      /larger than 8 MiB once decompressed; nothing was stored\. Send less at a time/,
    );
    // No Content-Length: the cap holds while reading, not only on what the client declares.
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 9) controller.enqueue(chunk);
        else controller.close();
      },
    });
    await expectRefused(
      () =>
        fetch(uploadsUrl(), {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${alice.uploadToken}`,
            'Content-Type': 'application/json',
            'Idempotency-Key': randomUUID(),
          },
          body: stream,
          duplex: 'half',
        } as RequestInit),
      413,
      'body_too_large',
      /larger than 8 MiB/,
    );
  });

  it('stops a gzip bomb at the cap without inflating it', async () => {
    // 1 GiB of zeros in about 1 MiB: gzip members one after another are one valid stream.
    const member = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 16 }, () => member));
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
    const peakBefore = process.resourceUsage().maxRSS;
    const started = performance.now();
    await expectRefused(
      () =>
        send(
          uploadsUrl(),
          uploadOptions(new Uint8Array(bomb), {
            gzip: false,
            headers: { 'Content-Encoding': 'gzip' },
          }),
        ),
      413,
      'body_too_large',
      /8 MiB once decompressed/,
    );
    // Inflated whole, the collector (this very process) would have grown by 1 GiB.
    expect(process.resourceUsage().maxRSS - peakBefore).toBeLessThan(256 * 1024);
    expect(performance.now() - started).toBeLessThan(5000);

    // Small bodies have small caps: 8 MiB in 8 KiB stops at 16 KiB on enrollment.
    const small = gzipSync(Buffer.alloc(8 * 1024 * 1024), { level: 9 });
    expect(small.byteLength).toBeLessThan(16 * 1024);
    await expectRefused(
      () =>
        send(enrollUrl(), {
          method: 'POST',
          body: new Uint8Array(small),
          headers: { 'Content-Encoding': 'gzip' },
        }),
      413,
      'body_too_large',
      /larger than 16 KiB once decompressed/,
    );
  });

  it('refuses malformed JSON, bad UTF-8, broken gzip and unknown encodings', async () => {
    await expectRefused(
      () => send(uploadsUrl(), uploadOptions('{"schemaVersion":1,"study":')),
      400,
      'invalid_json',
      /not valid JSON/,
    );
    await expectRefused(
      () => send(uploadsUrl(), uploadOptions(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))),
      400,
      'invalid_body',
      /not valid UTF-8/,
    );
    await expectRefused(
      () =>
        send(
          uploadsUrl(),
          uploadOptions(JSON.stringify(batchFor()), {
            gzip: false,
            headers: { 'Content-Encoding': 'gzip' },
          }),
        ),
      400,
      'invalid_gzip',
      /could not be decompressed; send valid gzip or drop the header/,
    );
    await expectRefused(
      () =>
        send(
          uploadsUrl(),
          uploadOptions(batchFor(), { gzip: false, headers: { 'Content-Encoding': 'br' } }),
        ),
      415,
      'unsupported_encoding',
      /"br" is not supported: send the body as gzip or uncompressed/,
    );
    for (const body of ['null', '[]', '"batch"', '42']) {
      await expectRefused(
        () => send(uploadsUrl(), uploadOptions(body)),
        400,
        'invalid_batch',
        /none of it was stored.*First problem: /,
      );
    }
    await expectRefused(
      () => send(enrollUrl(), { method: 'POST', body: '' }),
      400,
      'invalid_json',
      /not valid JSON/,
    );
  });

  it('refuses any content type but JSON, on every endpoint that reads a body', async () => {
    const aliceSession = aliceBatch.session.id;
    const endpoints: Array<[string, SendOptions]> = [
      [uploadsUrl(), uploadOptions(batchFor())],
      [enrollUrl(), { method: 'POST', body: { consentVersion: '2026-01', extensionVersion: '1' } }],
      [consentsUrl(), { method: 'POST', token: alice.uploadToken, body: { consentVersion: '1' } }],
      [
        tasksUrl(aliceSession),
        { method: 'PUT', token: annotator, body: { version: 0, tasks: [] } },
      ],
    ];
    const wrong = [
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=iso-8859-1',
      null,
    ];
    for (const [url, options] of endpoints) {
      for (const contentType of wrong) {
        await expectRefused(
          () => send(url, { ...options, contentType }),
          415,
          'unsupported_media_type',
          /Send the body as UTF-8 JSON with "Content-Type: application\/json"; this request (said|had no)/,
        );
      }
    }
  });

  it('refuses unknown keys anywhere, naming the first bad field', async () => {
    const batch = batchFor({ count: 3 });
    const events: unknown[] = [...batch.events];
    events[1] = { ...batch.events[1], value: 'hunter2', text: 'page text' };
    const body = await expectRefused(
      () => send(uploadsUrl(), uploadOptions({ ...batch, events })),
      400,
      'invalid_batch',
      /unknown keys are never accepted\. First problem: events\.1: Unrecognized keys: "value", "text"\.$/,
    );
    expect(body.issues).toEqual(['events.1: Unrecognized keys: "value", "text"']);

    const click = clickEvent(batch.session.id, 0);
    const deep = {
      ...click,
      target: { ...click.target, box: { ...click.target.box, label: 'x' } },
    };
    await expectRefused(
      () => send(uploadsUrl(), uploadOptions({ ...batch, events: [deep] })),
      400,
      'invalid_batch',
      /First problem: events\.0\.target\.box: Unrecognized key: "label"/,
    );
    await expectRefused(
      () => send(uploadsUrl(), uploadOptions({ ...batch, participant: bob.participantId })),
      400,
      'invalid_batch',
      /First problem: Unrecognized key: "participant"/,
    );
    await expectRefused(
      () =>
        send(enrollUrl(), {
          method: 'POST',
          body: { consentVersion: '2026-01', extensionVersion: '0.1.0', email: 'a@b.example' },
        }),
      400,
      'invalid_enrollment',
      /First problem: Unrecognized key: "email"/,
    );
    await expectRefused(
      () =>
        send(consentsUrl(), {
          method: 'POST',
          token: alice.uploadToken,
          body: { consentVersion: '2026-01', participant: bob.participantId },
        }),
      400,
      'invalid_consent',
      /First problem: Unrecognized key: "participant"/,
    );
    await expectRefused(
      () =>
        send(tasksUrl(aliceBatch.session.id), {
          method: 'PUT',
          token: annotator,
          body: {
            version: 0,
            tasks: [{ start: 0, end: 1, goal: null, outcome: 'done', by: 'volunteer' }],
          },
        }),
      400,
      'invalid_tasks',
      /First problem: tasks\.0: Unrecognized key: "by"/,
    );
  });

  it('refuses __proto__ and constructor keys, and nothing is polluted', async () => {
    const text = JSON.stringify(batchFor({ count: 1 }));
    const payloads: Array<[string, RegExp]> = [
      [text.replace('{', '{"__proto__":{"polluted":"yes"},'), /Unrecognized key: "__proto__"/],
      [text.replace('"button":0', '"button":0,"__proto__":{"polluted":"yes"}'), /events\.0: /],
      [
        text.replace('"box":{', '"box":{"__proto__":{"polluted":"yes"},'),
        /events\.0\.target\.box: Unrecognized key: "__proto__"/,
      ],
      [
        text.replace('{', '{"constructor":{"prototype":{"polluted":"yes"}},'),
        /Unrecognized key: "constructor"/,
      ],
    ];
    for (const [payload, named] of payloads) {
      const body = await expectRefused(
        () => send(uploadsUrl(), uploadOptions(payload)),
        400,
        'invalid_batch',
        /First problem: /,
      );
      expect(body.message).toMatch(named);
    }
    await expectRefused(
      () =>
        send(enrollUrl(), {
          method: 'POST',
          body: '{"__proto__":{"polluted":"yes"},"consentVersion":"2026-01","extensionVersion":"0.1.0"}',
        }),
      400,
      'invalid_enrollment',
      /Unrecognized key: "__proto__"/,
    );
    await expectRefused(
      () =>
        send(tasksUrl(aliceBatch.session.id), {
          method: 'PUT',
          token: annotator,
          body: '{"version":0,"tasks":[{"__proto__":{"end":9},"start":0,"end":1,"goal":null,"outcome":"done"}]}',
        }),
      400,
      'invalid_tasks',
      /tasks\.0: Unrecognized key: "__proto__"/,
    );
    for (const key of ['__proto__', 'constructor']) {
      await expectRefused(
        () => send(`${app.url}/v1/sessions?study=${study.id}&${key}=x`, { token: annotator }),
        400,
        'invalid_query',
        new RegExp(`First problem: Unrecognized key: "${key}"`),
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('tokens and roles', () => {
  it('asks for a token where none was sent', async () => {
    const missing = /Bearer <token>|Bearer <(annotator or )?researcher token>/;
    const cases: Array<[string, SendOptions, number, string]> = [
      [uploadsUrl(), uploadOptions(batchFor(), { token: undefined }), 401, 'missing_token'],
      [`${app.url}/v1/participants/me`, { method: 'DELETE' }, 401, 'missing_token'],
      [
        consentsUrl(),
        { method: 'POST', body: { consentVersion: '2026-01' } },
        401,
        'missing_token',
      ],
      [
        tasksUrl(aliceBatch.session.id),
        { method: 'PUT', body: { version: 0, tasks: [] } },
        401,
        'missing_token',
      ],
      [`${app.url}/v1/sessions?study=${study.id}`, {}, 401, 'invalid_staff_token'],
      [`${app.url}/v1/sessions/${aliceBatch.session.id}`, {}, 401, 'invalid_staff_token'],
      [`${app.url}/v1/studies`, {}, 401, 'invalid_staff_token'],
      [`${app.url}/v1/stats?study=${study.id}`, {}, 401, 'invalid_researcher_token'],
      [`${app.url}/v1/export?study=${study.id}`, {}, 401, 'invalid_researcher_token'],
    ];
    for (const [url, options, status, code] of cases) {
      await expectRefused(() => send(url, options), status, code, missing);
    }
    // Not a bearer token at all: the same as none.
    await expectRefused(
      () =>
        send(uploadsUrl(), {
          ...uploadOptions(batchFor(), { token: undefined }),
          headers: { Authorization: `Basic ${btoa('alice:secret')}`, 'Idempotency-Key': 'k' },
        }),
      401,
      'missing_token',
      /Authorization: Bearer <token>/,
    );
  });

  it('refuses a token of the wrong role', async () => {
    const researcher = app.researcherToken;
    await expectRefused(
      () => send(uploadsUrl(), uploadOptions(batchFor(), { token: researcher })),
      401,
      'invalid_token',
      /upload token is unknown or no longer valid/,
    );
    await expectRefused(
      () => send(`${app.url}/v1/export?study=${study.id}`, { token: annotator }),
      403,
      'researcher_only',
      /needs a researcher token/,
    );
    await expectRefused(
      () => send(`${app.url}/v1/stats?study=${study.id}`, { token: annotator }),
      403,
      'researcher_only',
      /needs a researcher token/,
    );
    // Upload tokens write only: they read nothing back, not even their own session.
    for (const path of [
      `/v1/sessions?study=${study.id}`,
      `/v1/sessions/${aliceBatch.session.id}`,
      '/v1/studies',
    ]) {
      await expectRefused(
        () => send(`${app.url}${path}`, { token: alice.uploadToken }),
        401,
        'invalid_staff_token',
        /annotator or researcher token/,
      );
    }
    for (const path of [`/v1/export?study=${study.id}`, `/v1/stats?study=${study.id}`]) {
      await expectRefused(
        () => send(`${app.url}${path}`, { token: alice.uploadToken }),
        401,
        'invalid_researcher_token',
        /researcher token/,
      );
    }
  });

  it('keeps each participant to their own sessions, study and data', async () => {
    await expectRefused(
      () =>
        send(tasksUrl(aliceBatch.session.id), {
          method: 'PUT',
          token: bob.uploadToken,
          body: { version: 0, tasks: [] },
        }),
      403,
      'not_your_session',
      /belongs to another participant: a volunteer may save tasks for their own sessions only/,
    );
    const intrusion = clickBatch({
      study: study.id,
      consentVersion: study.consent.version,
      session: aliceBatch.session.id,
      firstSeq: 100,
    });
    await expectRefused(
      () => send(uploadsUrl(), uploadOptions(intrusion, { token: bob.uploadToken })),
      409,
      'session_conflict',
      /belongs to another participant\. Start a new session with a fresh random id/,
    );
    const elsewhere = clickBatch({
      study: otherStudy.id,
      consentVersion: otherStudy.consent.version,
    });
    await expectRefused(
      () => send(uploadsUrl(), uploadOptions(elsewhere)),
      403,
      'wrong_study',
      /belongs to study "hostile", but the batch is for study "bystander"/,
    );
    // Erasure names no one but the caller: there is no route to erase someone else.
    await expectRefused(
      () => send(`${app.url}/v1/participants/${bob.participantId}`, me(alice, 'DELETE')),
      404,
      'not_found',
      /No endpoint DELETE/,
    );
  });

  it("erases the caller's data and no one else's", async () => {
    const carol = await enroll(app.url, study);
    expect((await upload(app.url, carol.uploadToken, batchFor({ count: 2 }))).status).toBe(200);
    const before = await snapshotTables(app.db);
    const response = await send(`${app.url}/v1/participants/me`, me(carol, 'DELETE'));
    expect(response.status).toBe(200);
    const after = await snapshotTables(app.db);
    for (const [table, rows] of Object.entries(before)) {
      // Every row that does not mention Carol is still there, byte for byte.
      const others = rows.filter((row) => !row.includes(carol.participantId));
      expect(after[table], table).toEqual(expect.arrayContaining(others));
    }
    expect(after.events?.some((row) => row.includes(carol.participantId))).toBe(false);
  });

  it('refuses revoked, erased and unknown tokens', async () => {
    await expectRefused(
      () => send(`${app.url}/v1/sessions?study=${study.id}`, { token: revoked }),
      401,
      'revoked_token',
      /was revoked on \d{4}-\d{2}-\d{2}\. Ask the researcher for a new one/,
    );
    const gone = /unknown or no longer valid.*Join the study again/;
    await expectRefused(
      () => send(uploadsUrl(), uploadOptions(batchFor(), { token: erased.uploadToken })),
      401,
      'invalid_token',
      gone,
    );
    await expectRefused(
      () =>
        send(consentsUrl(), {
          method: 'POST',
          token: erased.uploadToken,
          body: { consentVersion: study.consent.version },
        }),
      401,
      'invalid_token',
      gone,
    );
    await expectRefused(
      () =>
        send(tasksUrl(aliceBatch.session.id), {
          method: 'PUT',
          token: erased.uploadToken,
          body: { version: 0, tasks: [] },
        }),
      401,
      'invalid_token',
      gone,
    );
    await expectRefused(
      () => send(uploadsUrl(), uploadOptions(batchFor(), { token: 'A'.repeat(43) })),
      401,
      'invalid_token',
      gone,
    );
  });
});

describe('idempotency', () => {
  it('replays an answered batch without storing anything', async () => {
    const before = await snapshotTables(app.db);
    const response = await send(
      uploadsUrl(),
      uploadOptions(aliceBatch, { headers: { 'Idempotency-Key': aliceKey() } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('idempotent-replayed')).toBe('true');
    expect(await response.json()).toEqual({ accepted: 4, duplicates: 0 });
    expect(await snapshotTables(app.db)).toEqual(before);
  });

  it('refuses the same key with a different body, or a missing or malformed key', async () => {
    await expectRefused(
      () =>
        send(
          uploadsUrl(),
          uploadOptions(batchFor(), { headers: { 'Idempotency-Key': aliceKey() } }),
        ),
      422,
      'idempotency_key_reused',
      /already used with a different body; nothing was stored\. Use a new key/,
    );
    await expectRefused(
      () =>
        send(uploadsUrl(), {
          method: 'POST',
          token: alice.uploadToken,
          body: batchFor(),
        }),
      400,
      'missing_idempotency_key',
      /must carry an Idempotency-Key header/,
    );
  });
});

describe('ids', () => {
  const traversals = [
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e%2f%2e%2e',
    '..%5C..%5Cwindows',
    '.%2F',
    '%00',
  ];

  it('refuses a path traversal in every id of a path', async () => {
    for (const id of traversals) {
      await expectRefused(
        () => send(`${app.url}/v1/studies/${id}`),
        400,
        'invalid_study_id',
        /is not a study id: study ids are 2 to 63 lowercase letters/,
      );
      await expectRefused(
        () =>
          send(enrollUrl(id), {
            method: 'POST',
            body: { consentVersion: '2026-01', extensionVersion: '0.1.0' },
          }),
        400,
        'invalid_study_id',
        /is not a study id/,
      );
      await expectRefused(
        () => send(`${app.url}/v1/sessions/${id}`, { token: annotator }),
        400,
        'invalid_session_id',
        /is not a session id: session ids are UUIDs/,
      );
      for (const token of [annotator, alice.uploadToken]) {
        await expectRefused(
          () => send(tasksUrl(id), { method: 'PUT', token, body: { version: 0, tasks: [] } }),
          400,
          'invalid_session_id',
          /is not a session id/,
        );
      }
      await expectRefused(
        () => send(`${app.url}/v1/participants/${id}`, me(alice, 'DELETE')),
        404,
        'not_found',
        /No endpoint DELETE/,
      );
    }
  });

  it('refuses a path traversal in every id of a query', async () => {
    for (const id of traversals) {
      await expectRefused(
        () => send(`${app.url}/v1/sessions?study=${id}`, { token: annotator }),
        400,
        'invalid_query',
        /First problem: study: /,
      );
      await expectRefused(
        () => send(`${app.url}/v1/sessions?study=${study.id}&after=${id}`, { token: annotator }),
        400,
        'invalid_query',
        /First problem: after: /,
      );
      await expectRefused(
        () => send(`${app.url}/v1/stats?study=${id}`, { token: app.researcherToken }),
        400,
        'invalid_study_id',
        /is not a study id/,
      );
      // The export names only studies it runs: nothing else reaches a file name or a query.
      const exported = await send(`${app.url}/v1/export?study=${id}`, {
        token: app.researcherToken,
      });
      expect([400, 404]).toContain(exported.status);
      expect(apiError.parse(await exported.json()).error).toMatch(
        /^(invalid_study_id|unknown_study|invalid_query)$/,
      );
    }
  });

  it('refuses a path traversal in every id of an upload', async () => {
    const batch = batchFor({ count: 1 });
    await expectRefused(
      () =>
        send(
          uploadsUrl(),
          uploadOptions(batch, { headers: { 'Idempotency-Key': '../../etc/passwd' } }),
        ),
      400,
      'invalid_idempotency_key',
      /each a letter, a digit or one of \. _ : ~ -/,
    );
    const session = '../../etc/passwd';
    await expectRefused(
      () =>
        send(
          uploadsUrl(),
          uploadOptions({
            ...batch,
            session: { ...batch.session, id: session },
            events: batch.events.map((event) => ({ ...event, session })),
          }),
        ),
      400,
      'invalid_batch',
      /First problem: session\.id: /,
    );
    await expectRefused(
      () => send(uploadsUrl(), uploadOptions({ ...batch, study: '../hostile' })),
      400,
      'invalid_batch',
      /First problem: study: must be 2–63 lowercase letters, digits or dashes/,
    );
  });

  it('never lets a raw ../ out of the routes', async () => {
    for (const path of ['/v1/studies/../../etc/passwd', '/v1/../../../etc/passwd', '/..%2f..%2f']) {
      const answer = await rawGet(app.url, path);
      expect(answer.status, path).toBe(404);
      expect(apiError.parse(JSON.parse(answer.body)).error).toBe('not_found');
    }
  });
});

describe('CORS', () => {
  it('refuses a preflight from a web origin, with no CORS header', async () => {
    const response = await expectRefused(
      async () => {
        const answer = await fetch(uploadsUrl(), {
          method: 'OPTIONS',
          headers: {
            Origin: 'https://evil.example',
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'authorization,content-type,idempotency-key',
          },
        });
        const cors = [...answer.headers.keys()].filter((name) =>
          name.startsWith('access-control-'),
        );
        expect(cors).toEqual([]);
        return answer;
      },
      403,
      'origin_not_allowed',
      /Only the tasktrace browser extension may call this API from a browser; web pages such as "https:\/\/evil\.example" get no access/,
    );
    expect(response.issues).toBeUndefined();
  });

  it('stores nothing from a cross-site form post, which needs no preflight', async () => {
    await expectRefused(
      () =>
        send(enrollUrl(), {
          method: 'POST',
          body: JSON.stringify({ consentVersion: '2026-01', extensionVersion: '0.1.0' }),
          contentType: 'text/plain',
          headers: { Origin: 'https://evil.example' },
        }),
      415,
      'unsupported_media_type',
      /application\/json/,
    );
  });
});
