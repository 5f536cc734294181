import type { SqlClient } from '../../../collector/db/sql-client';

/**
 * Every row of every table of the collector's schema, each as the database writes it in
 * JSON, sorted: two snapshots are equal exactly when nothing was added, changed or
 * removed. Plain SQL, so it reads PGlite and PostgreSQL alike.
 */
export async function snapshotTables(db: SqlClient): Promise<Record<string, string[]>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE'
     order by table_name`,
  );
  const snapshot: Record<string, string[]> = {};
  for (const { name } of tables) {
    const { rows } = await db.query<{ row: string }>(
      // An alias no column is named (events has a column `t`).
      `select row_to_json(snapshot_row)::text as row from "${name.replaceAll('"', '""')}" snapshot_row`,
    );
    snapshot[name] = rows.map((row) => row.row).sort();
  }
  return snapshot;
}
