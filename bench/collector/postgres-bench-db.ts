import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where the bench may create a throwaway database: the same server the pg tests use. */
export const BENCH_ADMIN_URL_ENV = 'TASKTRACE_TEST_DATABASE_URL';
const DEFAULT_ADMIN_URL = 'postgres://tasktrace:tasktrace@127.0.0.1:5432/postgres';

export type BenchDatabase = { url: string; drop(): Promise<void> };

/** A fresh database for one run, or null (with the reason) when no PostgreSQL answers. */
export async function createBenchDatabase(
  env: Record<string, string | undefined>,
): Promise<BenchDatabase | { unavailable: string }> {
  const adminUrl = env[BENCH_ADMIN_URL_ENV] || DEFAULT_ADMIN_URL;
  const name = `tt_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (error) {
    await admin.end().catch(() => {});
    return {
      unavailable: `No PostgreSQL to measure on (${(error as Error).message}). Start one and set ${BENCH_ADMIN_URL_ENV} to a role that may create databases.`,
    };
  }
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
