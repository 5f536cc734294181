import { type ExportSelection, sessionConditions } from './export-selection';
import { SESSION_COLUMNS, type SessionDbRow, toSessionRecord } from './session-row';
import type { SqlQueryable } from './sql-client';
import type { SessionRecord } from './store';

/** A page of the sessions the episodes export walks, in id order (`sessions_by_study`). */
export async function readExportSessionsPage(
  db: SqlQueryable,
  selection: ExportSelection,
  after: string | undefined,
  limit: number,
): Promise<SessionRecord[]> {
  const filters = sessionConditions(selection, 4);
  const { rows } = await db.query<SessionDbRow>(
    `select ${SESSION_COLUMNS}
     from sessions s
     join participants p on p.id = s.participant_id
     where s.study_id = $1 and p.erased_at is null and s.id > $2
       ${filters.sql}
     order by s.id
     limit $3`,
    [selection.studyId, after ?? '', limit, ...filters.params],
  );
  return rows.map(toSessionRecord);
}
