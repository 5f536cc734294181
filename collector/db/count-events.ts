import type { SqlQueryable } from './sql-client';

/** Stored events of the study's participants who were not erased. */
export async function countEvents(db: SqlQueryable, studyId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n
     from events e
     join participants p on p.id = e.participant_id
     where e.study_id = $1 and p.erased_at is null`,
    [studyId],
  );
  return Number(rows[0]?.n ?? 0);
}
