import type { SqlQueryable } from './sql-client';
import type { RevokeOutcome } from './store';

/** Revoking twice keeps the first revocation time. */
export async function revokeStaffToken(db: SqlQueryable, id: string): Promise<RevokeOutcome> {
  const revoked = await db.query(
    'update tokens set revoked_at = now() where id = $1 and revoked_at is null',
    [id],
  );
  if (revoked.affectedRows === 1) return 'revoked';
  const { rows } = await db.query('select 1 from tokens where id = $1', [id]);
  return rows.length > 0 ? 'already-revoked' : 'unknown';
}
