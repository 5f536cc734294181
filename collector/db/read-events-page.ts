import type { TraceEvent } from '../../lib/schema';
import type { SqlQueryable } from './sql-client';
import type { EventCursor, StoredEvent } from './store';

interface Row {
  participant_id: string;
  session_id: string;
  seq: number;
  study_id: string;
  extension_version: string;
  consent_version: string;
  body: TraceEvent | string;
}

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
): Promise<StoredEvent[]> {
  const from = after ?? START;
  const { rows } = await db.query<Row>(
    `select e.participant_id, e.session_id, e.seq, e.study_id, e.extension_version,
            e.consent_version, e.body
     from events e
     join participants p on p.id = e.participant_id
     where e.study_id = $1
       and p.erased_at is null
       and (e.participant_id, e.session_id, e.seq) > ($2, $3, $4)
     order by e.participant_id, e.session_id, e.seq
     limit $5`,
    [studyId, from.participantId, from.sessionId, from.seq, limit],
  );
  return rows.map((row) => ({
    participantId: row.participant_id,
    sessionId: row.session_id,
    seq: Number(row.seq),
    studyId: row.study_id,
    extensionVersion: row.extension_version,
    consentVersion: row.consent_version,
    // node-postgres and PGlite both parse jsonb, but a text fallback costs nothing.
    event: typeof row.body === 'string' ? (JSON.parse(row.body) as TraceEvent) : row.body,
  }));
}
