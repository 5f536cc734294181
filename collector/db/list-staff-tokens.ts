import type { SqlQueryable } from './sql-client';
import { STAFF_TOKEN_COLUMNS, type StaffTokenRow, toStaffToken } from './staff-token-row';
import type { StaffToken } from './store';

export async function listStaffTokens(db: SqlQueryable): Promise<StaffToken[]> {
  const { rows } = await db.query<StaffTokenRow>(
    `select ${STAFF_TOKEN_COLUMNS} from tokens order by created_at, id`,
  );
  return rows.map(toStaffToken);
}
