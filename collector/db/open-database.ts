import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { lockDataDir } from './data-dir-lock';
import { openPglite } from './open-pglite';
import { openPostgres } from './open-postgres';
import { postgresMigrationError } from './postgres-migration-error';
import { describeTarget, postgresTarget } from './postgres-target';
import { runMigrations } from './run-migrations';
import type { SqlClient } from './sql-client';

export interface OpenDatabaseOptions {
  /** PostgreSQL when set (DATABASE_URL); otherwise embedded PGlite in the data folder. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Who holds the data folder's lock (PGlite only), for the message another process sees. */
  holder: string;
  log?: (line: string) => void;
}

export interface OpenedDatabase {
  /** Closing it also releases the data folder, when it was locked. */
  db: SqlClient;
  /** Where the data lives, for the start-up log; never a password. */
  description: string;
}

/** Where PGlite keeps its files inside the data folder. */
export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

/**
 * The collector's database, opened and migrated. Several collectors may share one
 * PostgreSQL (that is how it scales out), but embedded PGlite is one process's: its
 * folder is locked while open.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  if (options.databaseUrl) {
    const target = postgresTarget(options.databaseUrl);
    const db = await openPostgres(options.databaseUrl, options.log ? { log: options.log } : {});
    try {
      await runMigrations(db);
    } catch (error) {
      await db.close();
      throw postgresMigrationError(error, target);
    }
    return { db, description: `PostgreSQL at ${describeTarget(target)}` };
  }
  await mkdir(options.dataDir, { recursive: true });
  const unlock = await lockDataDir(options.dataDir, options.holder);
  const dir = pgliteDir(options.dataDir);
  let db: SqlClient | undefined;
  try {
    db = await openPglite(dir);
    await runMigrations(db);
  } catch (error) {
    await db?.close();
    await unlock();
    throw error;
  }
  const pglite = db;
  let closing: Promise<void> | undefined;
  return {
    db: {
      query: (sql, params) => pglite.query(sql, params),
      transaction: (work) => pglite.transaction(work),
      close() {
        closing ??= pglite.close().finally(unlock);
        return closing;
      },
    },
    description: `embedded PGlite in ${dir}`,
  };
}
