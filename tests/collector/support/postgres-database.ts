import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A server and a user that may create databases; each test app gets a database of its own. */
export const ADMIN_URL =
  process.env.TASKTRACE_TEST_DATABASE_URL ||
  'postgres://tasktrace:tasktrace@127.0.0.1:5432/postgres';

export interface PostgresDatabase {
  /** DATABASE_URL of the new, empty database. */
  url: string;
  drop(): Promise<void>;
}

/** A fresh database `tt_<random>` on the test server, dropped by `drop()`. */
export async function createPostgresDatabase(): Promise<PostgresDatabase> {
  const name = `tt_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin(`drop database if exists ${name}`).catch((error: { code?: string }) => {
        // Still in use: a connection a failed test left open. `with (force)` ends those
        // (not tried first: it needs rights over autovacuum's processes, which DROP waits out).
        if (error.code !== '55006') throw error;
        return admin(`drop database if exists ${name} with (force)`);
      }),
  };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(unreachable(error));
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function unreachable(error: unknown): string {
  const where = new URL(ADMIN_URL);
  where.password = where.password ? '***' : '';
  return [
    `The collector-pg tests need PostgreSQL at ${where} (TASKTRACE_TEST_DATABASE_URL), and could not connect: ${(error as Error).message}.`,
    'Start one and give it a user that may create databases, for example on Debian:',
    '  apt-get install postgresql && pg_ctlcluster 15 main start',
    `  runuser -u postgres -- psql -c "create role tasktrace login createdb password 'tasktrace'"`,
    'or point TASKTRACE_TEST_DATABASE_URL at a server of yours (postgres://USER:PASSWORD@HOST:PORT/postgres).',
    'Only PGlite: npx vitest run --project collector',
  ].join('\n');
}
