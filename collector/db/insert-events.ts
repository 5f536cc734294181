import type { SqlQueryable } from './sql-client';
import type { EventBatch } from './store';

/**
 * The whole batch in one statement: the events travel as one JSON parameter and are
 * unpacked by the database, so a 500-event batch costs one round trip. Nothing is
 * stored for a participant erased meanwhile (the row lock orders it with erasure).
 */
export async function insertEvents(db: SqlQueryable, batch: EventBatch): Promise<number> {
  const { affectedRows } = await db.query(
    `${INSERT_EVENTS} on conflict (session_id, seq) do nothing`,
    insertEventsParams(batch),
  );
  return affectedRows;
}

/**
 * The insert of a batch's events, taking `insertEventsParams` as $1–$6; callers add a
 * condition (`where …`) and the conflict clause.
 */
export const INSERT_EVENTS = `insert into events
       (session_id, seq, participant_id, study_id, t, kind, extension_version, consent_version, body)
     select $2, (e.body ->> 'seq')::integer, $3, $4, (e.body ->> 't')::bigint, e.body ->> 'kind', $5, $6, e.body
     from jsonb_array_elements($1::jsonb) as e (body),
          (select id from participants where id = $3 and erased_at is null for share) as p`;

export function insertEventsParams(batch: EventBatch): unknown[] {
  return [
    JSON.stringify(batch.events),
    batch.sessionId,
    batch.participantId,
    batch.studyId,
    batch.extensionVersion,
    batch.consentVersion,
  ];
}
