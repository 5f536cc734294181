import { EVENT_COLUMNS, type EventRow, fromEventRow } from './event-row';
import type { SqlQueryable } from './sql-client';
import type { CollectedEvent } from './store';

/**
 * A whole session at once: the annotation timeline and an episode need all of it, and
 * memory is bounded by the largest session, not by the study.
 */
export async function readSessionEvents(
  db: SqlQueryable,
  sessionId: string,
): Promise<CollectedEvent[]> {
  const { rows } = await db.query<EventRow>(
    `select ${EVENT_COLUMNS}
     from events e
     join participants p on p.id = e.participant_id
     where e.session_id = $1 and p.erased_at is null
     order by e.seq`,
    [sessionId],
  );
  return rows.map(fromEventRow);
}
