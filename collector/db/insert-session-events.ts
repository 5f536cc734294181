import { INSERT_EVENTS, insertEventsParams } from './insert-events';
import type { SqlQueryable } from './sql-client';
import type { EventBatch, IdempotencyKeyRef, SessionEventsResult, UploadNotes } from './store';

interface Row {
  owner: string | null;
  accepted: number;
}

/**
 * The usual upload, to a session already stored, in one statement and so one round trip
 * and one commit where it took three: read the session's owner, insert the events if
 * they are the participant's, and store the key's answer (`{accepted, duplicates}` and
 * the notes: the body the route sends) with them, so the answer can never be lost
 * between the two. Nothing is written when the session is not yet stored or is another
 * participant's; the caller then takes the first-batch path. The erased-participant
 * guard is the events insert's own (insert-events.ts).
 */
export async function insertSessionEvents(
  db: SqlQueryable,
  batch: EventBatch,
  answerTo: IdempotencyKeyRef,
  notes: UploadNotes = {},
): Promise<SessionEventsResult> {
  const { rows } = await db.query<Row>(
    `with owner as (select participant_id from sessions where id = $2),
     stored as (
       ${INSERT_EVENTS}
       where (select participant_id from owner) = $3
       on conflict (session_id, seq) do nothing
       returning 1),
     accepted as (select count(*)::integer as n from stored),
     answered as (
       update idempotency_keys
       set status = 200,
           response = jsonb_build_object('accepted', (select n from accepted),
                                         'duplicates', $8::integer - (select n from accepted))
                      || $9::jsonb
       where participant_id = $3 and key = $7 and status is null
         and (select participant_id from owner) = $3)
     select (select participant_id from owner) as owner, (select n from accepted) as accepted`,
    [...insertEventsParams(batch), answerTo.key, batch.events.length, JSON.stringify(notes)],
  );
  const row = rows[0];
  return { owner: row?.owner ?? undefined, accepted: Number(row?.accepted ?? 0) };
}
