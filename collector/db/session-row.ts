import type { SessionRecord } from './store';

export interface SessionDbRow {
  id: string;
  study_id: string;
  participant_id: string;
  started_at: number | string;
}

export const SESSION_COLUMNS = 's.id, s.study_id, s.participant_id, s.started_at';

/** `started_at` is a bigint: a driver may hand it over as a string. */
export function toSessionRecord(row: SessionDbRow): SessionRecord {
  return {
    id: row.id,
    studyId: row.study_id,
    participantId: row.participant_id,
    startedAt: Number(row.started_at),
  };
}
