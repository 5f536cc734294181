import 'fake-indexeddb/auto';
import { gunzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { ingestEvents } from '../../lib/db/ingest-events';
import { getMeta } from '../../lib/db/meta';
import type { Db } from '../../lib/db/open-db';
import type { Enrollment, UploadBatch } from '../../lib/schema';
import { backoffMs } from '../../lib/upload/backoff';
import { drainUploads } from '../../lib/upload/drain-uploads';
import { queueUploads } from '../../lib/upload/queue-uploads';
import { retryAfterMs } from '../../lib/upload/retry-after';
import { uploadStatus } from '../../lib/upload/upload-status';
import { PRODUCTION_TIMING } from '../../lib/upload/upload-timing';
import { enrolledDb } from './support/enrolled-db';
import { clickDraft } from './support/make-events';
import { storedEvents } from './support/stored-events';

type Sent = { key: string; batch: UploadBatch };
type Reply = Response | 'network-error';

/** A collector that answers from a script and remembers what it was sent. */
function scriptedCollector(replies: Reply[]) {
  const sent: Sent[] = [];
  const fetchImpl = (async (_url: URL, init: RequestInit) => {
    const body = gunzipSync(init.body as Uint8Array).toString('utf8');
    const headers = init.headers as Record<string, string>;
    sent.push({ key: headers['idempotency-key'] ?? '', batch: JSON.parse(body) });
    const reply = replies.shift() ?? ok();
    if (reply === 'network-error') throw new TypeError('fetch failed');
    return reply;
  }) as unknown as typeof fetch;
  return { sent, fetchImpl };
}

const ok = () => Response.json({ accepted: 1, duplicates: 0 });
const problem = (status: number, message: string, headers: Record<string, string> = {}) =>
  Response.json({ error: 'x', message }, { status, headers });

let db: Db;
let enrollment: Enrollment;
let clock: number;
const deps = (fetchImpl: typeof fetch) => ({
  timing: PRODUCTION_TIMING,
  extensionVersion: '0.1.0',
  fetchImpl,
  now: () => clock,
  random: () => 0.5,
});

async function record(count: number) {
  for (let i = 0; i < count; i++)
    await ingestEvents(db, [{ draft: clickDraft({ t: i }), tabId: 1 }], 1_000);
}

beforeEach(async () => {
  db = await enrolledDb();
  enrollment = (await getMeta(db, 'enrollment')) as Enrollment;
  clock = 1_000_000;
  await record(5);
  await queueUploads(db, 'demo');
});

describe('drainUploads', () => {
  it('sends the queue with a key per batch and marks every event uploaded', async () => {
    const collector = scriptedCollector([]);
    expect(await drainUploads(db, enrollment, deps(collector.fetchImpl))).toEqual({
      state: 'done',
    });
    expect(collector.sent).toHaveLength(1);
    expect(collector.sent[0]?.key).toMatch(/^[0-9a-f-]{36}:0-4:[0-9a-f]{16}$/);
    expect(collector.sent[0]?.batch.consentVersion).toBe('v1');
    const status = await uploadStatus(db);
    expect(status.pending).toBe(0);
    expect(status.upload.sessions.map((row) => row.status)).toEqual(['uploaded']);
  });

  it('retries a lost answer with the same key and body', async () => {
    const collector = scriptedCollector(['network-error']);
    const first = await drainUploads(db, enrollment, deps(collector.fetchImpl));
    expect(first).toEqual({
      state: 'waiting',
      at: clock + backoffMs(1, PRODUCTION_TIMING, () => 0.5),
    });
    expect((await uploadStatus(db, clock)).upload.lastError).toMatch(
      /Could not reach the collector/,
    );
    // Not before the time it chose.
    expect(await drainUploads(db, enrollment, deps(collector.fetchImpl))).toMatchObject({
      state: 'waiting',
    });
    expect(collector.sent).toHaveLength(1);
    clock = first.state === 'waiting' ? first.at : clock;
    expect(await drainUploads(db, enrollment, deps(collector.fetchImpl))).toEqual({
      state: 'done',
    });
    expect(collector.sent.map((entry) => entry.key)).toEqual([
      collector.sent[0]?.key,
      collector.sent[0]?.key,
    ]);
  });

  it('backs off exponentially with jitter, capped, and never gives up', () => {
    const steps = [1, 2, 3, 4, 20].map((n) => backoffMs(n, PRODUCTION_TIMING, () => 1));
    expect(steps).toEqual([5_000, 10_000, 20_000, 40_000, 30 * 60_000]);
    expect(backoffMs(1, PRODUCTION_TIMING, () => 0)).toBe(2_500);
  });

  it('honours Retry-After on 429 and 503, and waits 60 s without it', async () => {
    expect(retryAfterMs('120', PRODUCTION_TIMING)).toBe(120_000);
    expect(retryAfterMs(null, PRODUCTION_TIMING)).toBe(60_000);
    expect(retryAfterMs('soon', PRODUCTION_TIMING)).toBe(60_000);
    const date = new Date(clock + 90_000).toUTCString();
    expect(retryAfterMs(date, PRODUCTION_TIMING, clock)).toBeGreaterThan(85_000);
    const collector = scriptedCollector([problem(429, 'slow down', { 'retry-after': '7' })]);
    expect(await drainUploads(db, enrollment, deps(collector.fetchImpl))).toEqual({
      state: 'waiting',
      at: clock + 7_000,
    });
    const unavailable = scriptedCollector([problem(503, 'maintenance')]);
    clock += 7_000;
    expect(await drainUploads(db, enrollment, deps(unavailable.fetchImpl))).toEqual({
      state: 'waiting',
      at: clock + 60_000,
    });
  });

  it('splits a batch on 413, and keeps a single event too large with a visible error', async () => {
    const collector = scriptedCollector([
      problem(413, 'too large'),
      ok(),
      problem(413, 'too large'),
      problem(413, 'too large'),
      ok(),
      ok(),
    ]);
    expect(await drainUploads(db, enrollment, deps(collector.fetchImpl))).toEqual({
      state: 'done',
    });
    expect(collector.sent.map((entry) => entry.batch.events.map((event) => event.seq))).toEqual([
      [0, 1, 2, 3, 4],
      [0, 1],
      // A batch got through, so the next one may be larger again.
      [2, 3, 4],
      [2],
      [3],
      [4],
    ]);
    const status = await uploadStatus(db);
    expect(status.pending).toBe(0);
    expect(status.upload.sessions[0]?.error).toMatch(
      /One event is too large.*stays on this computer/,
    );
    const session = status.upload.sessions[0]?.session ?? '';
    expect((await storedEvents(db, session)).find((stored) => stored.seq === 2)?.uploaded).toBe(2);
  });

  it("marks a session refused with 400 or 422 failed with the collector's words, and goes on", async () => {
    const collector = scriptedCollector([problem(422, 'seq 3 is not an integer')]);
    expect(await drainUploads(db, enrollment, deps(collector.fetchImpl))).toEqual({
      state: 'done',
    });
    const status = await uploadStatus(db);
    expect(status.upload.sessions[0]).toMatchObject({ status: 'failed' });
    expect(status.upload.sessions[0]?.error).toContain('seq 3 is not an integer');
    // Not retried blindly: only the volunteer's next ask queues it again.
    expect(await drainUploads(db, enrollment, deps(collector.fetchImpl))).toEqual({
      state: 'done',
    });
    expect(collector.sent).toHaveLength(1);
    await queueUploads(db, 'demo');
    expect(await drainUploads(db, enrollment, deps(collector.fetchImpl))).toEqual({
      state: 'done',
    });
    expect(collector.sent).toHaveLength(2);
  });

  it('stops on 401 or 403 and asks the volunteer to rejoin', async () => {
    const collector = scriptedCollector([problem(401, 'token revoked')]);
    expect(await drainUploads(db, enrollment, deps(collector.fetchImpl))).toEqual({
      state: 'blocked',
    });
    expect(await drainUploads(db, enrollment, deps(collector.fetchImpl))).toEqual({
      state: 'blocked',
    });
    expect(collector.sent).toHaveLength(1);
    expect((await uploadStatus(db)).upload.blocked).toMatch(/token revoked.*Rejoin the study/);
  });

  it('never sends events in the clear to a collector that is not on this machine', async () => {
    const collector = scriptedCollector([]);
    const plain = {
      ...enrollment,
      study: { ...enrollment.study, endpoint: 'http://collector.example' },
    };
    expect(await drainUploads(db, plain, deps(collector.fetchImpl))).toEqual({ state: 'done' });
    expect(collector.sent).toHaveLength(0);
    expect((await uploadStatus(db)).upload.sessions[0]?.error).toMatch(/not an https: address/);
  });
});
