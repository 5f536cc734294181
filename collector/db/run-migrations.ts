import { migrations as allMigrations, type Migration } from './migrations';
import type { SqlClient } from './sql-client';

/** Any constant will do; it only has to be the same in every collector process. */
const MIGRATION_LOCK = 7_301_246;

/**
 * Applies the migrations not applied yet, each in its own transaction. The advisory
 * lock lets several collectors sharing one PostgreSQL start at the same time.
 */
export async function runMigrations(
  db: SqlClient,
  migrations: Migration[] = allMigrations,
): Promise<string[]> {
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      `create table if not exists schema_migrations (
        id text primary key,
        applied_at timestamptz not null default now()
      )`,
    );
  });
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const done = await tx.query('select 1 from schema_migrations where id = $1', [migration.id]);
      if (done.rows.length > 0) return false;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('insert into schema_migrations (id) values ($1)', [migration.id]);
      return true;
    });
    if (ran) applied.push(migration.id);
  }
  return applied;
}
