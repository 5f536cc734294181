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
      try {
        // An autovacuum worker busy with the freshly written table cannot be terminated
        // by a non-superuser (42501); it finishes on its own, so wait and try again.
        for (let attempt = 1; ; attempt++) {
          try {
            await client.query(`drop database if exists ${name} with (force)`);
            return;
          } catch (error) {
            if ((error as { code?: string }).code !== '42501' || attempt >= 60) throw error;
            await new Promise((resolve) => setTimeout(resolve, 1000));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}
