import { EVENT_COLUMNS, type EventRow, fromEventRow } from './event-row';
import type { SqlQueryable } from './sql-client';
import type { CollectedEvent, EventCursor } from './store';

/** Sorts before every real key: participant ids start with `p_`, seq is never negative. */
const START: EventCursor = { participantId: '', sessionId: '', seq: -1 };

/**
 * Keyset pagination: each page starts after the last row of the previous one, so the
 * cost per page stays the same however deep the export is, and nothing is held open.
 */
export async function readEventsPage(
  db: SqlQueryable,
  studyId: string,
  after: EventCursor | undefined,
  limit: number,
): Promise<CollectedEvent[]> {
  const from = after ?? START;
  const { rows } = await db.query<EventRow>(
    `select ${EVENT_COLUMNS}
     from events e
     join participants p on p.id = e.participant_id
     where e.study_id = $1
       and p.erased_at is null
       and (e.participant_id, e.session_id, e.seq) > ($2, $3, $4)
     order by e.participant_id, e.session_id, e.seq
     limit $5`,
    [studyId, from.participantId, from.sessionId, from.seq, limit],
  );
  return rows.map(fromEventRow);
}
