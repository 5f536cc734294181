import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../collector/db/open-pglite';
import type { SqlClient } from '../../collector/db/sql-client';

// PGlite runs in a worker thread and the collector talks to it by messages. PGlite only
// (vitest.config.ts): open-postgres.ts has no worker, and its pool is shown by every
// other test in the collector-pg project.
let dir: string;
let db: SqlClient;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tasktrace-worker-'));
  db = await openPglite(dir);
  await db.query('create table items (id integer primary key, label text not null)');
});
afterAll(async () => {
  await db?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('PGlite in a worker thread', () => {
  it('hands back PostgreSQL errors with their SQLSTATE and details', async () => {
    await db.query('insert into items values (1, $1)', ['one']);
    const error = await db.query('insert into items values (1, $1)', ['again']).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: '23505',
      constraint: 'items_pkey',
      table: 'items',
      message: expect.stringContaining('duplicate key value'),
    });
    const unstorable = await db
      .query('select $1::jsonb', [JSON.stringify({ text: 'a\u0000b' })])
      .catch((e) => e);
    expect(unstorable).toMatchObject({ code: '22P05' });
  });

  it('keeps other queries waiting until a transaction ends, and rolls back on a throw', async () => {
    const seen: string[] = [];
    let inside!: () => void;
    const started = new Promise<void>((resolve) => {
      inside = resolve;
    });
    const transaction = db.transaction(async (tx) => {
      await tx.query('insert into items values (2, $1)', ['two']);
      inside();
      // The query outside has been sent by now; it must not run in between.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await tx.query('insert into items values (3, $1)', ['three']);
      seen.push('transaction done');
      return 'committed';
    });
    await started;
    const outside = db
      .query<{ n: number }>('select count(*)::int as n from items')
      .then(({ rows }) => seen.push(`outside saw ${rows[0]?.n}`));
    expect(await transaction).toBe('committed');
    await outside;
    expect(seen).toEqual(['transaction done', 'outside saw 3']);

    const failed = db.transaction(async (tx) => {
      await tx.query('insert into items values (4, $1)', ['four']);
      throw new Error('changed my mind');
    });
    await expect(failed).rejects.toThrow('changed my mind');
    // A failed statement inside aborts the transaction; it rolls back with its code intact.
    const conflict = db.transaction(async (tx) => {
      await tx.query('insert into items values (5, $1)', ['five']);
      await tx.query('insert into items values (1, $1)', ['one again']);
    });
    await expect(conflict).rejects.toMatchObject({ code: '23505' });
    const { rows } = await db.query<{ id: number }>('select id from items order by id');
    expect(rows.map((row) => row.id)).toEqual([1, 2, 3]);
  });

  it('leaves the calling thread free while a long query runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 5);
    try {
      await db.query('select count(*) from generate_series(1, 1000000)');
    } finally {
      clearInterval(timer);
    }
    // On this thread the query would have held every timer until it was done.
    expect(ticks).toBeGreaterThan(3);
  });
});
