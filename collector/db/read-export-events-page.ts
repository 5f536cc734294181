import { EVENT_COLUMNS, type EventRow, fromEventRow } from './event-row';
import { type ExportSelection, sessionConditions } from './export-selection';
import type { SqlQueryable } from './sql-client';
import type { EventCursor, StoredEvent } from './store';

/** Sorts before every real key: participant ids start with `p_`, seq is never negative. */
const START: EventCursor = { participantId: '', sessionId: '', seq: -1 };

/**
 * A page of the events export: keyset pagination on `events_export`, in (participant,
 * session, seq) order, so each page costs the same however deep the export is. The
 * sessions table joins in only when a filter needs it.
 */
export async function readExportEventsPage(
  db: SqlQueryable,
  selection: ExportSelection,
  after: EventCursor | undefined,
  limit: number,
): Promise<StoredEvent[]> {
  const from = after ?? START;
  const filters = sessionConditions(selection, 6);
  const { rows } = await db.query<EventRow>(
    `select ${EVENT_COLUMNS}
     from events e
     join participants p on p.id = e.participant_id
     ${filters.any ? 'join sessions s on s.id = e.session_id' : ''}
     where e.study_id = $1
       and p.erased_at is null
       and (e.participant_id, e.session_id, e.seq) > ($2, $3, $4)
       ${filters.sql}
     order by e.participant_id, e.session_id, e.seq
     limit $5`,
    [selection.studyId, from.participantId, from.sessionId, from.seq, limit, ...filters.params],
  );
  return rows.map(fromEventRow);
}
