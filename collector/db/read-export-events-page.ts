import type { EventRow } from './event-row';
import { type ExportSelection, sessionConditions } from './export-selection';
import type { SqlQueryable } from './sql-client';
import type { EventCursor, ExportEvent } from './store';

/** Sorts before every real key: participant ids start with `p_`, seq is never negative. */
const START: EventCursor = { participantId: '', sessionId: '', seq: -1 };

/** An events row with the body as text, and the kind beside it. */
interface Row extends Omit<EventRow, 'body'> {
  kind: string;
  body: string;
}

/**
 * A page of the events export: keyset pagination on `events_export`, in (participant,
 * session, seq) order, so each page costs the same however deep the export is: read
 * through inKeyOrder, it walks `events_export` and stops at the limit. The erased check
 * is a lookup per row read, not a join, so the planner cannot start from participants
 * and sort their events. The sessions table joins in only when a filter needs it. The
 * body comes as text: parsing it into objects only to print it again was most of an
 * export's time.
 */
export async function readExportEventsPage(
  db: SqlQueryable,
  selection: ExportSelection,
  after: EventCursor | undefined,
  limit: number,
): Promise<ExportEvent[]> {
  const from = after ?? START;
  const filters = sessionConditions(selection, 6);
  const { rows } = await db.query<Row>(
    // The body becomes text after the limit, in the outer query: should the planner sort,
    // it then converts only the page's rows, not every row it sorts.
    `select participant_id, session_id, seq, study_id, extension_version, consent_version,
            kind, body::text as body
     from (select e.participant_id, e.session_id, e.seq, e.study_id, e.extension_version,
                  e.consent_version, e.kind, e.body
           from events e
           ${filters.any ? 'join sessions s on s.id = e.session_id' : ''}
           where e.study_id = $1
             and (select p.erased_at from participants p where p.id = e.participant_id) is null
             and (e.participant_id, e.session_id, e.seq) > ($2, $3, $4)
             ${filters.sql}
           order by e.participant_id, e.session_id, e.seq
           limit $5) as page
     order by participant_id, session_id, seq`,
    [selection.studyId, from.participantId, from.sessionId, from.seq, limit, ...filters.params],
  );
  return rows.map((row) => ({
    participantId: row.participant_id,
    sessionId: row.session_id,
    seq: Number(row.seq),
    studyId: row.study_id,
    extensionVersion: row.extension_version,
    consentVersion: row.consent_version,
    kind: row.kind,
    eventJson: row.body,
  }));
}
