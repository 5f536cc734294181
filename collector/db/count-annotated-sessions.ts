import type { SqlQueryable } from './sql-client';

/**
 * Sessions an annotator saved tasks for (an empty list counts: "no task here" is an
 * annotation too, as `GET /v1/sessions?annotated=true` says), of non-erased participants.
 */
export async function countAnnotatedSessions(db: SqlQueryable, studyId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n
     from session_tasks t
     join sessions s on s.id = t.session_id
     join participants p on p.id = s.participant_id
     where s.study_id = $1 and t.by = 'annotator' and p.erased_at is null`,
    [studyId],
  );
  return Number(rows[0]?.n ?? 0);
}
