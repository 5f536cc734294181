import type { SqlQueryable } from './sql-client';
import type { IdempotencyKeyRef, StoredAnswer } from './store';

/**
 * Records the answer of a claimed key. Only a claim still in flight is completed: if
 * erasure deleted it meanwhile, nothing is written back.
 */
export async function completeIdempotencyKey(
  db: SqlQueryable,
  ref: IdempotencyKeyRef,
  answer: StoredAnswer,
): Promise<void> {
  await db.query(
    `update idempotency_keys set status = $3, response = $4::jsonb
     where participant_id = $1 and key = $2 and status is null`,
    [ref.participantId, ref.key, answer.status, JSON.stringify(answer.body)],
  );
}
