import type { TraceEvent } from '../../lib/schema';
import type { SqlQueryable } from './sql-client';
import type { StoredEvent } from './store';

interface Row {
  participant_id: string;
  session_id: string;
  seq: number;
  study_id: string;
  extension_version: string;
  consent_version: string;
  body: TraceEvent | string;
}

/**
 * A whole session at once: the annotation timeline and an episode need all of it, and
 * memory is bounded by the largest session, not by the study.
 */
export async function readSessionEvents(
  db: SqlQueryable,
  sessionId: string,
): Promise<StoredEvent[]> {
  const { rows } = await db.query<Row>(
    `select e.participant_id, e.session_id, e.seq, e.study_id, e.extension_version,
            e.consent_version, e.body
     from events e
     join participants p on p.id = e.participant_id
     where e.session_id = $1 and p.erased_at is null
     order by e.seq`,
    [sessionId],
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
