import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const COLLECTOR_TESTS = ['tests/collector/**/*.test.ts', 'collector/**/*.test.ts'];

/** Tests that need several collector processes on one database. */
const POSTGRES_ONLY = ['tests/collector/two-processes.test.ts'];

/** Tests of what PGlite alone has (its worker thread), or of no database at all: once is enough. */
const PGLITE_ONLY = [
  'tests/collector/pglite-worker.test.ts',
  'tests/collector/load-studies.test.ts',
  'tests/collector/web-routes.test.ts',
  'tests/collector/export-stream.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: [
            'tests/unit/**/*.test.{ts,tsx}',
            'lib/**/*.test.ts',
            'components/**/*.test.tsx',
          ],
          environment: 'happy-dom',
        },
      },
      {
        test: {
          name: 'collector',
          include: COLLECTOR_TESTS,
          // Two collector processes on one database: PGlite is one process's by design.
          exclude: [...configDefaults.exclude, ...POSTGRES_ONLY],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The same tests on PostgreSQL (TASKTRACE_TEST_DATABASE_URL, see the README), each
        // app or collector on a fresh database of its own.
        test: {
          name: 'collector-pg',
          include: COLLECTOR_TESTS,
          exclude: [...configDefaults.exclude, ...PGLITE_ONLY],
          env: { TASKTRACE_TEST_BACKEND: 'postgres' },
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
