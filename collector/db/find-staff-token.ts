import type { SqlQueryable } from './sql-client';
import { STAFF_TOKEN_COLUMNS, type StaffTokenRow, toStaffToken } from './staff-token-row';
import type { StaffToken } from './store';

/** Revoked tokens are found too, so the caller can say "revoked" rather than "unknown". */
export async function findStaffTokenByHash(
  db: SqlQueryable,
  tokenHash: string,
): Promise<StaffToken | undefined> {
  const { rows } = await db.query<StaffTokenRow>(
    `select ${STAFF_TOKEN_COLUMNS} from tokens where token_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  return row ? toStaffToken(row) : undefined;
}
