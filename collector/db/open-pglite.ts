import { mkdir } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { pgliteCalls } from './pglite-calls';
import type { PgliteWorkerData, QueryResult } from './pglite-protocol';
import type { SqlClient, SqlQueryable } from './sql-client';

/**
 * Embedded PostgreSQL in a folder, run in a worker thread: PGlite computes on the thread
 * that calls it, and on the collector's own thread every query would stall every request.
 * It must be closed, or the process never exits.
 */
export async function openPglite(dir: string): Promise<SqlClient> {
  await mkdir(dir, { recursive: true });
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dir } satisfies PgliteWorkerData,
  });
  const { ready, call } = pgliteCalls(worker);
  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }

  // Rows are whatever the caller's SQL selects; the type is theirs to state, as with PGlite.
  const on = (tx: number | undefined): SqlQueryable => ({
    query: async <Row>(sql: string, params?: unknown[]) =>
      (await call({ op: 'query', sql, params, tx })) as QueryResult<Row>,
  });

  let closing: Promise<void> | undefined;
  return {
    ...on(undefined),
    concurrent: false,
    async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const tx = (await call({ op: 'begin' })) as number;
      let result: T;
      try {
        result = await work(on(tx));
      } catch (error) {
        await call({ op: 'end', tx, commit: false }).catch(() => undefined);
        throw error;
      }
      await call({ op: 'end', tx, commit: true });
      return result;
    },
    close() {
      closing ??= call({ op: 'close' })
        .finally(() => worker.terminate())
        .then(() => undefined);
      return closing;
    },
  };
}
