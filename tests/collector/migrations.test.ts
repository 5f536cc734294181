import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../collector/db/migrations';
import { openPostgres } from '../../collector/db/open-postgres';
import { runMigrations } from '../../collector/db/run-migrations';
import type { SqlClient } from '../../collector/db/sql-client';
import { openTestDatabase, type TestDatabase } from './support/test-database';

let database: TestDatabase;
/** A second connection as another collector would hold it: its own pool on PostgreSQL. */
let other: SqlClient;

beforeAll(async () => {
  database = await openTestDatabase();
  // PGlite is one process's: there the same client stands in for the second collector.
  other = database.databaseUrl ? await openPostgres(database.databaseUrl) : database.db;
});
afterAll(async () => {
  if (other !== database?.db) await other?.close();
  await database?.dispose();
});

describe('migrations', () => {
  it('run once when two collectors start on one empty database at the same moment', async () => {
    const [first, second] = await Promise.all([runMigrations(database.db), runMigrations(other)]);
    // Each migration was applied by exactly one of them, none twice, none skipped.
    expect([...first, ...second].sort()).toEqual(migrations.map((migration) => migration.id));
    const { rows } = await database.db.query<{ id: string }>(
      'select id from schema_migrations order by id',
    );
    expect(rows.map((row) => row.id)).toEqual(migrations.map((migration) => migration.id));
    expect(await runMigrations(other)).toEqual([]);
  });
});
