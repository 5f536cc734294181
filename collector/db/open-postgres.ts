import pg from 'pg';
import { postgresConnectError } from './postgres-connect-error';
import { postgresTarget } from './postgres-target';
import type { SqlClient, SqlQueryable } from './sql-client';

/** How long to wait for a connection before saying the server does not answer. */
const CONNECT_TIMEOUT_MS = 10_000;

/** Connections per collector process; several processes may share one server. */
const POOL_SIZE = 10;

/**
 * PostgreSQL through a node-postgres pool, running the same SQL as PGlite. Opening checks
 * that the server answers, so a wrong DATABASE_URL stops start-up with a readable message.
 */
export async function openPostgres(
  url: string,
  options: { log?: (line: string) => void } = {},
): Promise<SqlClient> {
  const target = postgresTarget(url);
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    max: POOL_SIZE,
  });
  // An idle connection dropped by the server (a restart) must not crash the process: the
  // pool discards it and opens another when next needed.
  pool.on('error', (error) => {
    options.log?.(`PostgreSQL: an idle connection was lost (${error.message}); reconnecting`);
  });
  try {
    (await pool.connect()).release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw postgresConnectError(error, target);
  }

  let closing: Promise<void> | undefined;
  return {
    ...on(pool),
    concurrent: true,
    async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      // One pooled connection for the whole transaction: BEGIN and its queries must share it.
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('begin');
        const result = await work(on(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        // A connection that could not even roll back is closed rather than reused.
        client.release(broken);
      }
    },
    close() {
      closing ??= pool.end();
      return closing;
    },
  };
}

function on(target: pg.Pool | pg.PoolClient): SqlQueryable {
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      const result = await target.query(sql, params);
      return { rows: result.rows as Row[], affectedRows: result.rowCount ?? 0 };
    },
  };
}
