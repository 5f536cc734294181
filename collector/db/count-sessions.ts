import type { SqlQueryable } from './sql-client';

/** Uploaded sessions of the study's participants who were not erased. */
export async function countSessions(db: SqlQueryable, studyId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n
     from sessions s
     join participants p on p.id = s.participant_id
     where s.study_id = $1 and p.erased_at is null`,
    [studyId],
  );
  return Number(rows[0]?.n ?? 0);
}
