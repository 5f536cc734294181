import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { SqlClient } from './sql-client';

/** Embedded PostgreSQL in a folder. It must be closed, or the process never exits. */
export async function openPglite(dir: string): Promise<SqlClient> {
  await mkdir(dir, { recursive: true });
  const db = new PGlite(dir);
  await db.waitReady;
  return {
    query: (sql, params) => run(db, sql, params),
    transaction: (work) =>
      db.transaction((tx) => work({ query: (sql, params) => run(tx, sql, params) })),
    close: () => db.close(),
  };
}

async function run<Row>(
  target: Pick<PGlite, 'query'>,
  sql: string,
  params: unknown[] | undefined,
): Promise<{ rows: Row[]; affectedRows: number }> {
  const result = await target.query<Row>(sql, params);
  return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
}
