import { SESSION_COLUMNS, type SessionDbRow, toSessionRecord } from './session-row';
import type { SqlQueryable } from './sql-client';
import type { SessionRecord } from './store';

/** Keyset pagination on `sessions_by_study`, as the episodes export walks a study. */
export async function readSessionsPage(
  db: SqlQueryable,
  studyId: string,
  after: string | undefined,
  limit: number,
): Promise<SessionRecord[]> {
  const { rows } = await db.query<SessionDbRow>(
    `select ${SESSION_COLUMNS}
     from sessions s
     join participants p on p.id = s.participant_id
     where s.study_id = $1 and p.erased_at is null and s.id > $2
     order by s.id
     limit $3`,
    [studyId, after ?? '', limit],
  );
  return rows.map(toSessionRecord);
}
