import { SESSION_COLUMNS, type SessionDbRow, toSessionRecord } from './session-row';
import type { SqlQueryable } from './sql-client';
import type { SessionRecord } from './store';

export async function findSession(
  db: SqlQueryable,
  id: string,
): Promise<SessionRecord | undefined> {
  const { rows } = await db.query<SessionDbRow>(
    `select ${SESSION_COLUMNS}
     from sessions s
     join participants p on p.id = s.participant_id
     where s.id = $1 and p.erased_at is null`,
    [id],
  );
  const row = rows[0];
  return row ? toSessionRecord(row) : undefined;
}
