import type { SqlQueryable } from './sql-client';
import type { IdempotencyKeyRef } from './store';

/** Frees a key whose request failed, so a retry with it is processed afresh. */
export async function releaseIdempotencyKey(
  db: SqlQueryable,
  ref: IdempotencyKeyRef,
): Promise<void> {
  await db.query(
    'delete from idempotency_keys where participant_id = $1 and key = $2 and status is null',
    [ref.participantId, ref.key],
  );
}
