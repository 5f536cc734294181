import { IDEMPOTENCY_CLAIM_LEASE_SECONDS } from '../common/limits';
import type { SqlQueryable } from './sql-client';
import type { IdempotencyClaim, NewIdempotencyClaim } from './store';

interface Row {
  request_hash: string;
  status: number | null;
  response: unknown;
}

/**
 * Inserts the key as in flight (status null), or reads what it already holds. Each
 * statement stands alone, so on PostgreSQL a claim committed by another collector is
 * seen too. `for share` waits for a concurrent erasure and then claims nothing.
 */
export async function claimIdempotencyKey(
  db: SqlQueryable,
  claim: NewIdempotencyClaim,
  leaseSeconds: number = IDEMPOTENCY_CLAIM_LEASE_SECONDS,
): Promise<IdempotencyClaim> {
  const params = [claim.participantId, claim.key, claim.requestHash];
  const inserted = await db.query(
    `insert into idempotency_keys (participant_id, key, request_hash)
     select id, $2, $3 from participants where id = $1 and erased_at is null
     for share
     on conflict (participant_id, key) do nothing`,
    params,
  );
  if (inserted.affectedRows === 1) return { kind: 'claimed' };

  // Still in flight after the lease: the request that claimed it died; take it over.
  const takenOver = await db.query(
    `update idempotency_keys set created_at = now()
     where participant_id = $1 and key = $2 and request_hash = $3 and status is null
       and created_at < now() - $4::integer * interval '1 second'`,
    [...params, leaseSeconds],
  );
  if (takenOver.affectedRows === 1) return { kind: 'claimed' };

  const { rows } = await db.query<Row>(
    `select request_hash, status, response from idempotency_keys
     where participant_id = $1 and key = $2`,
    [claim.participantId, claim.key],
  );
  const row = rows[0];
  if (!row) {
    // Nothing inserted and nothing there: erased, or released a moment ago by a failed
    // request with this key, in which case a retry will claim it.
    const active = await db.query(
      'select 1 from participants where id = $1 and erased_at is null',
      [claim.participantId],
    );
    return active.rows.length === 0 ? { kind: 'erased' } : { kind: 'in-flight' };
  }
  if (row.request_hash !== claim.requestHash) return { kind: 'other-body' };
  if (row.status === null) return { kind: 'in-flight' };
  // node-postgres and PGlite both parse jsonb, but a text fallback costs nothing.
  const body = typeof row.response === 'string' ? JSON.parse(row.response) : row.response;
  return { kind: 'answered', answer: { status: Number(row.status), body } };
}
