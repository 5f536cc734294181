import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../collector/db/migrations';
import { openPostgres } from '../../collector/db/open-postgres';
import type { SqlClient } from '../../collector/db/sql-client';
import { type UploadBatch, uploadResponse } from '../../lib/schema';
import { clickBatch } from './support/events';
import { batchKey, enroll, exportEvents, upload } from './support/http';
import { createPostgresDatabase, type PostgresDatabase } from './support/postgres-database';
import { type SpawnedCollector, spawnCollector } from './support/spawned-collector';
import { studyFile, tempFolder } from './support/studies';

// Two collector processes sharing one PostgreSQL, as behind a load balancer. Run by the
// collector-pg project only (see vitest.config.ts): embedded PGlite is one process's
// database by design, so there is nothing to share on that backend.

const study = studyFile('shared');
const RESEARCHER_TOKEN = 'two-processes-researcher-token-0123';
const SESSIONS = 3;
const BATCHES_PER_SESSION = 4;
const EVENTS_PER_BATCH = 100;
const TOTAL = SESSIONS * BATCHES_PER_SESSION * EVENTS_PER_BATCH;

let database: PostgresDatabase | undefined;
let db: SqlClient | undefined;
const folders: string[] = [];
let collectors: SpawnedCollector[] = [];

async function folder(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

beforeAll(async () => {
  database = await createPostgresDatabase();
  const studiesDir = await tempFolder({ [`${study.id}.json`]: study });
  folders.push(studiesDir);
  const env = { DATABASE_URL: database.url, TASKTRACE_RESEARCHER_TOKEN: RESEARCHER_TOKEN };
  // Each with a data folder of its own, as on two machines, and both started at once on
  // the empty database: they run the migrations at the same moment.
  const dataDirs = [await folder('tasktrace-a-'), await folder('tasktrace-b-')];
  const started = await Promise.allSettled(
    dataDirs.map((dataDir) => spawnCollector({ dataDir, studiesDir, env })),
  );
  collectors = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  for (const result of started) if (result.status === 'rejected') throw result.reason;
  db = await openPostgres(database.url);
});

afterAll(async () => {
  await Promise.all(collectors.map((collector) => collector.stop()));
  await db?.close();
  await database?.drop();
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

interface Answer {
  via: string;
  status: number;
  body: unknown;
  replayed: boolean;
  retries: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** As the extension does: the same key and body again after Retry-After while it is in flight. */
async function uploadUntilAnswered(
  url: string,
  token: string,
  batch: UploadBatch,
  key: string,
): Promise<Answer> {
  for (let retries = 0; retries < 30; retries += 1) {
    const response = await upload(url, token, batch, { idempotencyKey: key });
    const body = (await response.json()) as { error?: string };
    if (response.status === 409 && body.error === 'idempotency_key_in_use') {
      await sleep(Number(response.headers.get('retry-after') ?? '1') * 1000);
      continue;
    }
    const replayed = response.headers.get('idempotent-replayed') === 'true';
    return { via: url, status: response.status, body, replayed, retries };
  }
  throw new Error(`still in flight after 30 tries: ${key}`);
}

describe('two collector processes on one PostgreSQL', () => {
  it('both start on an empty database, and each migration is applied once', async () => {
    expect(collectors).toHaveLength(2);
    const { rows } = await db!.query<{ id: string }>(
      'select id from schema_migrations order by id',
    );
    expect(rows.map((row) => row.id)).toEqual(migrations.map((migration) => migration.id));
  });

  it('stores every event once when both get the same batches at once', async () => {
    const [a, b] = collectors as [SpawnedCollector, SpawnedCollector];
    // Enrolled through one, trusted by the other: the token lives in the shared database.
    const me = await enroll(a.url, study);
    const batches = Array.from({ length: SESSIONS }, () => randomUUID()).flatMap((session) =>
      Array.from({ length: BATCHES_PER_SESSION }, (_, index) =>
        clickBatch({
          study: study.id,
          consentVersion: study.consent.version,
          session,
          count: EVENTS_PER_BATCH,
          firstSeq: index * EVENTS_PER_BATCH,
        }),
      ),
    );
    // Every batch twice to each process, all at once: retries after a timeout, spread
    // over both by a load balancer.
    const answers = await Promise.all(
      batches.map(async (batch) => {
        const key = batchKey(batch);
        const sent = [a, b, a, b].map((collector) =>
          uploadUntilAnswered(collector.url, me.uploadToken, batch, key),
        );
        return { key, answers: await Promise.all(sent) };
      }),
    );

    for (const { key, answers: forKey } of answers) {
      expect(
        forKey.map((answer) => answer.status),
        key,
      ).toEqual([200, 200, 200, 200]);
      // One request stored the batch; the other three got its answer, replayed.
      expect(
        forKey.filter((answer) => !answer.replayed),
        key,
      ).toHaveLength(1);
      for (const answer of forKey) {
        expect(uploadResponse.parse(answer.body), `${key} via ${answer.via}`).toEqual({
          accepted: EVENTS_PER_BATCH,
          duplicates: 0,
        });
      }
    }

    const { rows } = await db!.query<{ rows: number; keys: number; sessions: number }>(
      `select count(*)::int as rows, count(distinct (session_id, seq))::int as keys,
              count(distinct session_id)::int as sessions
       from events where participant_id = $1`,
      [me.participantId],
    );
    expect(rows[0]).toEqual({ rows: TOTAL, keys: TOTAL, sessions: SESSIONS });
    const perSession = await db!.query<{ first: number; last: number; n: number }>(
      `select min(seq)::int as first, max(seq)::int as last, count(*)::int as n
       from events where participant_id = $1 group by session_id`,
      [me.participantId],
    );
    const span = BATCHES_PER_SESSION * EVENTS_PER_BATCH;
    expect(perSession.rows).toEqual(
      Array.from({ length: SESSIONS }, () => ({ first: 0, last: span - 1, n: span })),
    );
    const keys = await db!.query<{ status: number }>(
      'select status from idempotency_keys where participant_id = $1',
      [me.participantId],
    );
    expect(keys.rows).toEqual(Array.from({ length: batches.length }, () => ({ status: 200 })));

    // Each process exports the same events, each once.
    const exported = await Promise.all(
      [a, b].map((collector) => exportEvents(collector.url, RESEARCHER_TOKEN, study.id)),
    );
    expect(exported[0]).toHaveLength(TOTAL);
    expect(exported[1]).toEqual(exported[0]);
  });

  it('both stop cleanly', async () => {
    const results = await Promise.all(collectors.splice(0).map((collector) => collector.stop()));
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
  });
});
