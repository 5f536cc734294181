import type { SqlQueryable } from './sql-client';
import type { NewStaffToken } from './store';

export async function createStaffToken(db: SqlQueryable, token: NewStaffToken): Promise<void> {
  await db.query('insert into tokens (id, role, token_hash, label) values ($1, $2, $3, $4)', [
    token.id,
    token.role,
    token.tokenHash,
    token.label,
  ]);
}
