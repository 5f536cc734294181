import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiError,
  type EnrollmentResponse,
  type EventLine,
  eventLine,
  SCHEMA_VERSION,
  type UploadBatch,
  uploadResponse,
} from '../../lib/schema';
import { clickBatch, clickEvent } from './support/events';
import { enroll, exportEvents, upload } from './support/http';
import { studyFile } from './support/studies';
import { startTempCollector, type TempCollector } from './support/temp-collector';

// Each concern gets its own study, so the exports checked below hold only its events.
const main = studyFile('main');
const rejects = studyFile('rejects');
const paging = studyFile('paging');
const other = studyFile('other', { consent: { text: 'Other study.', version: 'v7' } });
const versions = studyFile('versions');
let collector: TempCollector;

beforeAll(async () => {
  collector = await startTempCollector([main, rejects, paging, other, versions]);
});
afterAll(async () => {
  await collector?.dispose();
});

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = apiError.parse(await response.json());
  expect(body.error).toBe(code);
  return body;
}

const batchFor = (study: typeof main, options: { session?: string; count?: number } = {}) =>
  clickBatch({ study: study.id, consentVersion: study.consent.version, ...options });

describe('POST /v1/uploads and the events export', () => {
  it('stores a batch once, however often it is uploaded', async () => {
    const { uploadToken, participantId } = await enroll(collector.url, main);
    const batch = batchFor(main, { count: 5 });
    // Each upload() sends a fresh Idempotency-Key: only (session, seq) stops duplicates.

    const first = await upload(collector.url, uploadToken, batch);
    expect(first.status).toBe(200);
    expect(uploadResponse.parse(await first.json())).toEqual({ accepted: 5, duplicates: 0 });

    const again = await upload(collector.url, uploadToken, batch);
    expect(again.status).toBe(200);
    expect(uploadResponse.parse(await again.json())).toEqual({ accepted: 0, duplicates: 5 });

    // A retry that overlaps: two old events and two new ones.
    const overlap = clickBatch({
      study: main.id,
      consentVersion: main.consent.version,
      session: batch.session.id,
      firstSeq: 3,
      count: 4,
    });
    expect(await (await upload(collector.url, uploadToken, overlap)).json()).toEqual({
      accepted: 2,
      duplicates: 2,
    });

    const lines = (await exportEvents(collector.url, collector.researcherToken, main.id)).map(
      (line) => eventLine.parse(line),
    );
    expect(lines.map((line) => line.event.seq)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(lines[0]).toEqual({
      schemaVersion: SCHEMA_VERSION,
      study: main.id,
      participant: participantId,
      session: batch.session.id,
      extensionVersion: '0.1.0',
      consentVersion: main.consent.version,
      task: null,
      event: batch.events[0]!,
    } satisfies EventLine);
  });

  it('accepts batches from extensions still at schema version 1, and exports them at 2', async () => {
    const { uploadToken } = await enroll(collector.url, versions);
    const batch = { ...batchFor(versions, { count: 2 }), schemaVersion: 1 as const };
    expect(await (await upload(collector.url, uploadToken, batch)).json()).toEqual({
      accepted: 2,
      duplicates: 0,
    });
    const lines = (await exportEvents(collector.url, collector.researcherToken, versions.id)).map(
      (line) => eventLine.parse(line),
    );
    expect(lines.map((line) => [line.schemaVersion, line.event])).toEqual(
      batch.events.map((event) => [SCHEMA_VERSION, event]),
    );
    // No version the collector does not know.
    for (const schemaVersion of [0, 3, '2']) {
      const response = await upload(collector.url, uploadToken, {
        ...batchFor(versions, { count: 1 }),
        schemaVersion,
      } as unknown as UploadBatch);
      expect(response.status, String(schemaVersion)).toBe(400);
    }
  });

  it('accepts an uncompressed body too', async () => {
    const { uploadToken } = await enroll(collector.url, main);
    const response = await upload(collector.url, uploadToken, batchFor(main, { count: 2 }), {
      gzip: false,
    });
    expect(await response.json()).toEqual({ accepted: 2, duplicates: 0 });
  });
});

describe('rejected uploads store nothing', () => {
  let enrollment: EnrollmentResponse;
  beforeAll(async () => {
    enrollment = await enroll(collector.url, rejects);
  });
  afterAll(async () => {
    expect(await exportEvents(collector.url, collector.researcherToken, rejects.id)).toEqual([]);
  });

  it('refuses a whole batch when one event has a stray value key', async () => {
    const batch = batchFor(rejects, { count: 3 });
    const events: unknown[] = [...batch.events];
    events[1] = { ...batch.events[1], value: 'hunter2' };
    const body = await expectError(
      await upload(collector.url, enrollment.uploadToken, { ...batch, events }),
      400,
      'invalid_batch',
    );
    expect(body.issues).toEqual([expect.stringMatching(/^events\.1: .*"value"/)]);
  });

  it('refuses a stray text key at the top level', async () => {
    const batch = { ...batchFor(rejects), text: 'page text' };
    const body = await expectError(
      await upload(collector.url, enrollment.uploadToken, batch),
      400,
      'invalid_batch',
    );
    expect(body.issues?.join('\n')).toMatch(/"text"/);
  });

  it('refuses a page path that carries a query string', async () => {
    const batch = batchFor(rejects, { count: 1 });
    const event = clickEvent(batch.session.id, 0, {
      page: { origin: 'https://shop.example', path: '/search?q=secret' },
    });
    const body = await expectError(
      await upload(collector.url, enrollment.uploadToken, { ...batch, events: [event] }),
      400,
      'invalid_batch',
    );
    expect(body.issues).toEqual([
      expect.stringMatching(/^events\.0\.page\.path: must be a path without query/),
    ]);
  });

  it('refuses text the database cannot store', async () => {
    const batch = batchFor(rejects, { count: 1 });
    const click = clickEvent(batch.session.id, 0);
    const event = { ...click, target: { ...click.target, selector: 'a\u0000b' } };
    await expectError(
      await upload(collector.url, enrollment.uploadToken, { ...batch, events: [event] }),
      400,
      'unstorable_text',
    );
  });

  it('refuses a sequence number too large for the events table', async () => {
    const batch = batchFor(rejects, { count: 1 });
    const event = clickEvent(batch.session.id, 2 ** 31);
    const body = await expectError(
      await upload(collector.url, enrollment.uploadToken, { ...batch, events: [event] }),
      400,
      'invalid_batch',
    );
    expect(body.issues).toEqual([expect.stringMatching(/^events\.0\.seq: must be at most/)]);
  });

  it('refuses a body that is not JSON', async () => {
    await expectError(
      await upload(collector.url, enrollment.uploadToken, 'not json'),
      400,
      'invalid_json',
    );
  });

  it('refuses a body larger than the cap once decompressed', async () => {
    // About 9 MiB of JSON that gzips to a few KiB: the cap must hold after decompression.
    const bomb = JSON.stringify({ ...batchFor(rejects), padding: ' '.repeat(9 * 1024 * 1024) });
    const compressed = gzipSync(bomb);
    expect(compressed.byteLength).toBeLessThan(64 * 1024);
    const response = await fetch(`${collector.url}/v1/uploads`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${enrollment.uploadToken}`,
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
        'Idempotency-Key': randomUUID(),
      },
      body: compressed,
    });
    const body = await expectError(response, 413, 'body_too_large');
    expect(body.message).toMatch(/8 MiB/);
  });

  it('refuses an uncompressed body larger than the cap', async () => {
    const big = JSON.stringify({ ...batchFor(rejects), padding: 'x'.repeat(9 * 1024 * 1024) });
    await expectError(
      await upload(collector.url, enrollment.uploadToken, big, { gzip: false }),
      413,
      'body_too_large',
    );
  });

  it('refuses a body that is not valid gzip', async () => {
    const response = await fetch(`${collector.url}/v1/uploads`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${enrollment.uploadToken}`,
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
        'Idempotency-Key': randomUUID(),
      },
      body: JSON.stringify(batchFor(rejects)),
    });
    await expectError(response, 400, 'invalid_gzip');
  });

  it('refuses a missing token', async () => {
    await expectError(
      await upload(collector.url, undefined, batchFor(rejects)),
      401,
      'missing_token',
    );
  });

  it('refuses an unknown token', async () => {
    await expectError(
      await upload(collector.url, 'A'.repeat(43), batchFor(rejects)),
      401,
      'invalid_token',
    );
  });

  it("refuses a batch for a study other than the token's", async () => {
    const batch = clickBatch({ study: other.id, consentVersion: other.consent.version });
    await expectError(
      await upload(collector.url, enrollment.uploadToken, batch),
      403,
      'wrong_study',
    );
  });

  it('refuses a consent version the participant did not agree to', async () => {
    const batch = clickBatch({ study: rejects.id, consentVersion: 'not-agreed' });
    await expectError(
      await upload(collector.url, enrollment.uploadToken, batch),
      409,
      'consent_mismatch',
    );
  });

  it('refuses a session id that belongs to another participant', async () => {
    const owner = await enroll(collector.url, other);
    const intruder = await enroll(collector.url, other);
    const session = randomUUID();
    const batch = clickBatch({ study: other.id, consentVersion: other.consent.version, session });
    expect((await upload(collector.url, owner.uploadToken, batch)).status).toBe(200);

    const body = await expectError(
      await upload(collector.url, intruder.uploadToken, batch),
      409,
      'session_conflict',
    );
    expect(body.message).toContain(session);
    const lines = await exportEvents(collector.url, collector.researcherToken, other.id);
    expect(lines.map((line) => eventLine.parse(line).participant)).toEqual(
      batch.events.map(() => owner.participantId),
    );
  });
});

describe('GET /v1/export', () => {
  it('pages through more rows than one query returns, in (participant, session, seq) order', async () => {
    const participants = [await enroll(collector.url, paging), await enroll(collector.url, paging)];
    for (const { uploadToken } of participants) {
      const session = randomUUID();
      for (const firstSeq of [0, 500]) {
        const batch = clickBatch({
          study: paging.id,
          consentVersion: paging.consent.version,
          session,
          firstSeq,
          count: 500,
        });
        expect(await (await upload(collector.url, uploadToken, batch)).json()).toEqual({
          accepted: 500,
          duplicates: 0,
        });
      }
    }
    const lines = (await exportEvents(collector.url, collector.researcherToken, paging.id)).map(
      (line) => eventLine.parse(line),
    );
    expect(lines).toHaveLength(2000);
    const keys = lines.map((line) => [line.participant, line.session, line.event.seq] as const);
    const sorted = [...keys].sort(
      (a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]) || a[2] - b[2],
    );
    expect(keys).toEqual(sorted);
    expect(new Set(keys.map((key) => key.join('/'))).size).toBe(2000);
  });

  it('streams NDJSON', async () => {
    const response = await fetch(`${collector.url}/v1/export?study=${main.id}&format=events`, {
      headers: { Authorization: `Bearer ${collector.researcherToken}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    await response.text();
  });

  it('refuses a missing or wrong researcher token', async () => {
    const url = `${collector.url}/v1/export?study=${main.id}&format=events`;
    await expectError(await fetch(url), 401, 'invalid_researcher_token');
    const wrong = await fetch(url, {
      headers: { Authorization: `Bearer ${collector.researcherToken}x` },
    });
    await expectError(wrong, 401, 'invalid_researcher_token');
    // An upload token is not a researcher token.
    const { uploadToken } = await enroll(collector.url, main);
    await expectError(
      await fetch(url, { headers: { Authorization: `Bearer ${uploadToken}` } }),
      401,
      'invalid_researcher_token',
    );
  });

  it('answers 404 for an unknown study and 400 for an unknown format', async () => {
    const headers = { Authorization: `Bearer ${collector.researcherToken}` };
    await expectError(
      await fetch(`${collector.url}/v1/export?study=nope&format=events`, { headers }),
      404,
      'unknown_study',
    );
    const body = await expectError(
      await fetch(`${collector.url}/v1/export?study=${main.id}&format=csv`, { headers }),
      400,
      'unknown_format',
    );
    expect(body.message).toMatch(/Available: events/);
  });
});
