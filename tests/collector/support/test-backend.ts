/**
 * Which database the collector tests run on: PGlite (vitest project `collector`) or
 * PostgreSQL (project `collector-pg`, which sets TASKTRACE_TEST_BACKEND=postgres).
 */
export type TestBackend = 'pglite' | 'postgres';

export const testBackend: TestBackend = readBackend(process.env.TASKTRACE_TEST_BACKEND);

function readBackend(value: string | undefined): TestBackend {
  if (value === undefined || value === '' || value === 'pglite') return 'pglite';
  if (value === 'postgres') return 'postgres';
  throw new Error(`TASKTRACE_TEST_BACKEND=${value}: use pglite or postgres.`);
}
