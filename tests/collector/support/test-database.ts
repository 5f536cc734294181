import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openPglite } from '../../../collector/db/open-pglite';
import { openPostgres } from '../../../collector/db/open-postgres';
import type { SqlClient } from '../../../collector/db/sql-client';
import { createPostgresDatabase } from './postgres-database';
import { testBackend } from './test-backend';

export interface TestDatabase {
  db: SqlClient;
  /** Its DATABASE_URL on PostgreSQL, for a collector process to share it. */
  databaseUrl: string | undefined;
  /** Closes it and deletes it. */
  dispose(): Promise<void>;
}

/** An empty database, without migrations, on the backend the test project runs. */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (testBackend === 'postgres') {
    const database = await createPostgresDatabase();
    const db = await openPostgres(database.url).catch(async (error: unknown) => {
      await database.drop();
      throw error;
    });
    return {
      db,
      databaseUrl: database.url,
      async dispose() {
        await db.close();
        await database.drop();
      },
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tasktrace-db-'));
  const db = await openPglite(dir);
  return {
    db,
    databaseUrl: undefined,
    async dispose() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
