import type { SqlQueryable } from './sql-client';

/** Participants who joined the study and were not erased. */
export async function countParticipants(db: SqlQueryable, studyId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'select count(*)::int as n from participants where study_id = $1 and erased_at is null',
    [studyId],
  );
  return Number(rows[0]?.n ?? 0);
}
