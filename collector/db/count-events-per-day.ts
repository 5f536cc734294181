import type { DayCount } from '../../lib/schema';
import type { SqlQueryable } from './sql-client';

/** Events per UTC day of their own time (`t`), oldest first; days without events are absent. */
export async function countEventsPerDay(db: SqlQueryable, studyId: string): Promise<DayCount[]> {
  const { rows } = await db.query<{ day: string; events: number }>(
    `select to_char(to_timestamp(e.t / 1000.0) at time zone 'UTC', 'YYYY-MM-DD') as day,
            count(*)::int as events
     from events e
     join participants p on p.id = e.participant_id
     where e.study_id = $1 and p.erased_at is null
     group by 1
     order by 1`,
    [studyId],
  );
  return rows.map((row) => ({ day: row.day, events: Number(row.events) }));
}
