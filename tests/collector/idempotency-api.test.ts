import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiError, type EnrollmentResponse, type UploadBatch } from '../../lib/schema';
import { clickBatch, clickEvent } from './support/events';
import { batchKey, enroll, upload } from './support/http';
import { studyFile } from './support/studies';
import { startTestApp, type TestApp } from './support/test-app';

// POST /v1/uploads under draft-ietf-httpapi-idempotency-key-header, over real HTTP and a
// real database (PGlite or PostgreSQL) whose tables the tests count directly.
const study = studyFile('idem');
const elsewhere = studyFile('elsewhere');
let app: TestApp;
/** Set by a test: the next insertEvents fails as a database outage would. */
let failNextInsert = false;
/** Set by a test: the next insertEvents says it arrived, then waits to be let through. */
let holdNextInsert: { arrived: () => void; proceed: Promise<void> } | undefined;

beforeAll(async () => {
  app = await startTestApp([study, elsewhere], (store) => ({
    ...store,
    async insertEvents(batch) {
      const hold = holdNextInsert;
      holdNextInsert = undefined;
      if (hold) {
        hold.arrived();
        await hold.proceed;
      }
      if (failNextInsert) {
        failNextInsert = false;
        throw new Error('database unavailable');
      }
      return store.insertEvents(batch);
    },
  }));
});
afterAll(async () => {
  await app?.dispose();
});

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = apiError.parse(await response.json());
  expect(body.error).toBe(code);
  return body;
}

async function count(table: 'events' | 'sessions' | 'idempotency_keys', participantId: string) {
  const { rows } = await app.db.query<{ n: number }>(
    `select count(*)::integer as n from ${table} where participant_id = $1`,
    [participantId],
  );
  return rows[0]!.n;
}

async function keyRow(participantId: string, key: string) {
  const { rows } = await app.db.query<{ request_hash: string; status: number | null }>(
    'select request_hash, status from idempotency_keys where participant_id = $1 and key = $2',
    [participantId, key],
  );
  return rows[0];
}

const batchOf = (options: { session?: string; count?: number; firstSeq?: number } = {}) =>
  clickBatch({ study: study.id, consentVersion: study.consent.version, ...options });

const sha256 = (batch: UploadBatch) =>
  createHash('sha256').update(JSON.stringify(batch)).digest('hex');

describe('the Idempotency-Key header', () => {
  let me: EnrollmentResponse;
  beforeAll(async () => {
    me = await enroll(app.url, study);
  });

  it('is required: without it nothing is read or stored', async () => {
    const response = await upload(app.url, me.uploadToken, batchOf(), { idempotencyKey: null });
    const body = await expectError(response, 400, 'missing_idempotency_key');
    expect(body.message).toContain('Every upload must carry an Idempotency-Key header');
    expect(body.message).toContain('<session>:<first seq>-<last seq>:<body hash>');
    expect(await count('events', me.participantId)).toBe(0);
    expect(await count('sessions', me.participantId)).toBe(0);
    expect(await count('idempotency_keys', me.participantId)).toBe(0);
  });

  it('is checked after the token', async () => {
    const response = await upload(app.url, undefined, batchOf(), { idempotencyKey: null });
    await expectError(response, 401, 'missing_token');
  });

  it('refuses a malformed key and stores nothing', async () => {
    for (const key of ['', '""', 'has space', 'semi;colon', 'a,b', 'k'.repeat(201), '"open']) {
      const response = await upload(app.url, me.uploadToken, batchOf(), { idempotencyKey: key });
      const body = await expectError(response, 400, 'invalid_idempotency_key');
      expect(body.message).toContain('1 to 200 characters');
    }
    expect(await count('events', me.participantId)).toBe(0);
    expect(await count('idempotency_keys', me.participantId)).toBe(0);
  });

  it("accepts the extension's keys, 200 characters, and the draft's quoted form", async () => {
    const batch = batchOf({ count: 2 });
    const answers: unknown[] = [];
    for (const key of [batchKey(batch), 'k'.repeat(200), 'A-z_0.9:~']) {
      const response = await upload(app.url, me.uploadToken, batch, { idempotencyKey: key });
      expect(response.status).toBe(200);
      answers.push(await response.json());
    }
    expect(answers).toEqual([
      { accepted: 2, duplicates: 0 },
      { accepted: 0, duplicates: 2 },
      { accepted: 0, duplicates: 2 },
    ]);
    // "k…" quoted is the same key as k… bare: its answer again, replayed.
    const quoted = await upload(app.url, me.uploadToken, batch, {
      idempotencyKey: `"${'k'.repeat(200)}"`,
    });
    expect(quoted.status).toBe(200);
    expect(quoted.headers.get('idempotent-replayed')).toBe('true');
    expect(await quoted.json()).toEqual(answers[1]);
  });
});

describe('POST /v1/uploads with an Idempotency-Key', () => {
  let me: EnrollmentResponse;
  beforeAll(async () => {
    me = await enroll(app.url, study);
  });

  it('replays the first answer to the same key and body, storing nothing new', async () => {
    const before = await count('events', me.participantId);
    const batch = batchOf({ count: 4 });
    const key = batchKey(batch);

    const first = await upload(app.url, me.uploadToken, batch, { idempotencyKey: key });
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const firstBody = await first.json();
    expect(firstBody).toEqual({ accepted: 4, duplicates: 0 });
    expect(await count('events', me.participantId)).toBe(before + 4);
    expect(await keyRow(me.participantId, key)).toEqual({
      request_hash: sha256(batch),
      status: 200,
    });

    // The hash is of the decompressed body: gzipped or not, it is the same request.
    for (const gzip of [true, false]) {
      const again = await upload(app.url, me.uploadToken, batch, { idempotencyKey: key, gzip });
      expect(again.status).toBe(first.status);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.json()).toEqual(firstBody);
    }
    expect(await count('events', me.participantId)).toBe(before + 4);
    expect(await count('idempotency_keys', me.participantId)).toBe(1);
  });

  it('refuses the same key with a different body (422) and stores nothing', async () => {
    const batch = batchOf({ count: 2 });
    const key = batchKey(batch);
    expect((await upload(app.url, me.uploadToken, batch, { idempotencyKey: key })).status).toBe(
      200,
    );
    const events = await count('events', me.participantId);
    const sessions = await count('sessions', me.participantId);

    const other = batchOf({ count: 3 });
    const body = await expectError(
      await upload(app.url, me.uploadToken, other, { idempotencyKey: key }),
      422,
      'idempotency_key_reused',
    );
    expect(body.message).toBe(
      'This Idempotency-Key was already used with a different body; nothing was stored. Use a new key for a different batch.',
    );
    expect(await count('events', me.participantId)).toBe(events);
    expect(await count('sessions', me.participantId)).toBe(sessions);
    // The key still replays its own batch.
    const replay = await upload(app.url, me.uploadToken, batch, { idempotencyKey: key });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('stores the same events once even under a new key: accepted 0, duplicates n', async () => {
    const batch = batchOf({ count: 5 });
    const first = await upload(app.url, me.uploadToken, batch, { idempotencyKey: randomUUID() });
    expect(await first.json()).toEqual({ accepted: 5, duplicates: 0 });
    const events = await count('events', me.participantId);

    const again = await upload(app.url, me.uploadToken, batch, { idempotencyKey: randomUUID() });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 5 });
    expect(await count('events', me.participantId)).toBe(events);
  });

  it('stores one set of events when identical requests race', async () => {
    // Which answers are replays and which are 409 depends on timing; the events do not.
    const batch = batchOf({ count: 3 });
    const key = batchKey(batch);
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        upload(app.url, me.uploadToken, batch, { idempotencyKey: key }),
      ),
    );
    const answers = await Promise.all(
      responses.map(async (response) => ({
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: (await response.json()) as unknown,
      })),
    );
    const stored = answers.filter((answer) => answer.status === 200);
    const busy = answers.filter((answer) => answer.status === 409);
    expect(stored.length + busy.length).toBe(answers.length);
    expect(stored.length).toBeGreaterThanOrEqual(1);
    for (const answer of stored) expect(answer.body).toEqual({ accepted: 3, duplicates: 0 });
    for (const answer of busy) {
      expect(answer.retryAfter).toBe('1');
      expect(apiError.parse(answer.body).error).toBe('idempotency_key_in_use');
    }
    const { rows } = await app.db.query<{ n: number }>(
      'select count(*)::integer as n from events where session_id = $1',
      [batch.session.id],
    );
    expect(rows[0]!.n).toBe(3);
  });

  it('answers 409 with Retry-After while the same request is in flight', async () => {
    const batch = batchOf({ count: 2 });
    const key = batchKey(batch);
    let arrived = () => {};
    let proceed = () => {};
    const reachedInsert = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    holdNextInsert = {
      arrived,
      proceed: new Promise<void>((resolve) => {
        proceed = resolve;
      }),
    };
    // The first request holds the key and is about to store its events.
    const first = upload(app.url, me.uploadToken, batch, { idempotencyKey: key });
    await reachedInsert;

    const busy = await upload(app.url, me.uploadToken, batch, { idempotencyKey: key });
    expect(busy.headers.get('retry-after')).toBe('1');
    const body = await expectError(busy, 409, 'idempotency_key_in_use');
    expect(body.message).toBe(
      'An upload with this Idempotency-Key is still being processed; this request stored nothing. Retry shortly with the same key and body.',
    );
    // A different body under the in-flight key is a reuse all the same.
    await expectError(
      await upload(app.url, me.uploadToken, batchOf(), { idempotencyKey: key }),
      422,
      'idempotency_key_reused',
    );

    proceed();
    const done = await first;
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ accepted: 2, duplicates: 0 });
    const retried = await upload(app.url, me.uploadToken, batch, { idempotencyKey: key });
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await retried.json()).toEqual({ accepted: 2, duplicates: 0 });
    const { rows } = await app.db.query<{ n: number }>(
      'select count(*)::integer as n from events where session_id = $1',
      [batch.session.id],
    );
    expect(rows[0]!.n).toBe(2);
  });

  it('lets a retry take over a claim left in flight longer than the lease', async () => {
    const batch = batchOf({ count: 2 });
    const key = batchKey(batch);
    // A request claimed the key and died before it could finish or free it.
    await app.db.query(
      'insert into idempotency_keys (participant_id, key, request_hash) values ($1, $2, $3)',
      [me.participantId, key, sha256(batch)],
    );
    await expectError(
      await upload(app.url, me.uploadToken, batch, { idempotencyKey: key }),
      409,
      'idempotency_key_in_use',
    );
    const { rows } = await app.db.query('select 1 from sessions where id = $1', [batch.session.id]);
    expect(rows).toEqual([]);

    await app.db.query(
      `update idempotency_keys set created_at = now() - interval '1 hour'
       where participant_id = $1 and key = $2`,
      [me.participantId, key],
    );
    const retried = await upload(app.url, me.uploadToken, batch, { idempotencyKey: key });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(await retried.json()).toEqual({ accepted: 2, duplicates: 0 });
    expect(await keyRow(me.participantId, key)).toMatchObject({ status: 200 });
  });

  it('does not keep a key claimed after a 4xx: the same request gets the same 4xx again', async () => {
    const events = await count('events', me.participantId);
    const wrongStudy = clickBatch({
      study: elsewhere.id,
      consentVersion: elsewhere.consent.version,
    });
    const unagreed = batchOf();
    unagreed.consentVersion = 'never-agreed';
    const unstorable = batchOf({ count: 1 });
    const click = clickEvent(unstorable.session.id, 0);
    unstorable.events = [{ ...click, target: { ...click.target, selector: 'a\u0000b' } }];
    const cases: [UploadBatch, number, string][] = [
      [wrongStudy, 403, 'wrong_study'],
      [unagreed, 409, 'consent_mismatch'],
      [unstorable, 400, 'unstorable_text'],
    ];
    for (const [batch, status, code] of cases) {
      const key = batchKey(batch);
      for (let attempt = 0; attempt < 2; attempt++) {
        const response = await upload(app.url, me.uploadToken, batch, { idempotencyKey: key });
        expect(response.headers.get('idempotent-replayed')).toBeNull();
        await expectError(response, status, code);
      }
      expect(await keyRow(me.participantId, key)).toBeUndefined();
    }
    expect(await count('events', me.participantId)).toBe(events);
  });

  it('frees the key after a server error, so the retry with the same key stores the batch', async () => {
    const batch = batchOf({ count: 3 });
    const key = batchKey(batch);
    failNextInsert = true;
    await expectError(
      await upload(app.url, me.uploadToken, batch, { idempotencyKey: key }),
      500,
      'internal',
    );
    expect(await keyRow(me.participantId, key)).toBeUndefined();

    const retried = await upload(app.url, me.uploadToken, batch, { idempotencyKey: key });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(await retried.json()).toEqual({ accepted: 3, duplicates: 0 });
  });
});

describe('keys belong to the participant the token names', () => {
  it('lets two participants use the same key independently', async () => {
    const alice = await enroll(app.url, study);
    const bob = await enroll(app.url, study);
    const key = 'shared-key';
    const aliceBatch = batchOf({ count: 2 });
    const bobBatch = batchOf({ count: 3 });
    const a = await upload(app.url, alice.uploadToken, aliceBatch, { idempotencyKey: key });
    const b = await upload(app.url, bob.uploadToken, bobBatch, { idempotencyKey: key });
    expect(await a.json()).toEqual({ accepted: 2, duplicates: 0 });
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(await b.json()).toEqual({ accepted: 3, duplicates: 0 });
    expect(await count('events', alice.participantId)).toBe(2);
    expect(await count('events', bob.participantId)).toBe(3);

    // Bob sending Alice's very request under her key gets no replay of her answer:
    // the session is hers.
    await expectError(
      await upload(app.url, bob.uploadToken, aliceBatch, { idempotencyKey: key }),
      422,
      'idempotency_key_reused',
    );
    await expectError(
      await upload(app.url, bob.uploadToken, aliceBatch, { idempotencyKey: 'bob-own-key' }),
      409,
      'session_conflict',
    );
    expect(await count('events', bob.participantId)).toBe(3);
  });

  it('never takes the participant or study from the body', async () => {
    const alice = await enroll(app.url, study);
    const mallory = await enroll(app.url, study);
    const claimsAlice = { ...batchOf(), participant: alice.participantId };
    await expectError(
      await upload(app.url, mallory.uploadToken, claimsAlice),
      400,
      'invalid_batch',
    );
    const claimsElsewhere = clickBatch({
      study: elsewhere.id,
      consentVersion: elsewhere.consent.version,
    });
    await expectError(
      await upload(app.url, mallory.uploadToken, claimsElsewhere),
      403,
      'wrong_study',
    );
    for (const participant of [alice, mallory]) {
      expect(await count('events', participant.participantId)).toBe(0);
      expect(await count('idempotency_keys', participant.participantId)).toBe(0);
    }
  });

  it('erasure deletes the keys and their stored answers', async () => {
    const leaving = await enroll(app.url, study);
    const staying = await enroll(app.url, study);
    for (const participant of [leaving, staying]) {
      const batch = batchOf();
      const response = await upload(app.url, participant.uploadToken, batch, {
        idempotencyKey: batchKey(batch),
      });
      expect(response.status).toBe(200);
    }
    expect(await count('idempotency_keys', leaving.participantId)).toBe(1);

    const erased = await fetch(`${app.url}/v1/participants/me`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${leaving.uploadToken}` },
    });
    expect(erased.status).toBe(200);
    expect(await count('idempotency_keys', leaving.participantId)).toBe(0);
    expect(await count('idempotency_keys', staying.participantId)).toBe(1);
  });
});
