import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApp } from '../../../collector/app';
import { createSqlStore } from '../../../collector/db/create-sql-store';
import { runMigrations } from '../../../collector/db/run-migrations';
import type { SqlClient } from '../../../collector/db/sql-client';
import type { Store } from '../../../collector/db/store';
import { type StudyFile, studyFile as studyFileSchema } from '../../../lib/schema';
import { openTestDatabase } from './test-database';

export interface TestApp {
  url: string;
  researcherToken: string;
  /** The collector's own database, to count what it stored. */
  db: SqlClient;
  dispose(): Promise<void>;
}

/**
 * The collector app over real HTTP and a real database of its own (PGlite, or a fresh
 * PostgreSQL database in the collector-pg project), with the database at hand and an
 * optional wrapper around the store, to make one of its calls fail.
 */
export async function startTestApp(
  studies: StudyFile[],
  wrapStore: (store: Store) => Store = (store) => store,
): Promise<TestApp> {
  const database = await openTestDatabase();
  const { db } = database;
  await runMigrations(db);
  const researcherToken = 'test-researcher-token-0123456789';
  let url = '';
  const app = createApp({
    store: wrapStore(createSqlStore(db)),
    studies: new Map(studies.map((study) => [study.id, studyFileSchema.parse(study)])),
    researcherToken,
    publicUrl: () => url,
  });
  const server = createServer(getRequestListener(app.fetch));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    researcherToken,
    db,
    async dispose() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.dispose();
    },
  };
}
