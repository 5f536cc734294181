import type { TraceEvent } from '../../lib/schema';
import type { CollectedEvent } from './store';

/** An events row as every reader selects it. */
export interface EventRow {
  participant_id: string;
  session_id: string;
  seq: number;
  study_id: string;
  extension_version: string;
  consent_version: string;
  body: TraceEvent | string;
}

/** The columns of an EventRow, from `events e`. */
export const EVENT_COLUMNS = `e.participant_id, e.session_id, e.seq, e.study_id, e.extension_version,
            e.consent_version, e.body`;

export function fromEventRow(row: EventRow): CollectedEvent {
  return {
    participantId: row.participant_id,
    sessionId: row.session_id,
    seq: Number(row.seq),
    studyId: row.study_id,
    extensionVersion: row.extension_version,
    consentVersion: row.consent_version,
    // node-postgres and PGlite both parse jsonb, but a text fallback costs nothing.
    event: typeof row.body === 'string' ? (JSON.parse(row.body) as TraceEvent) : row.body,
  };
}
