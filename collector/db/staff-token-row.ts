import type { StaffRole } from '../../lib/schema';
import type { StaffToken } from './store';

export interface StaffTokenRow {
  id: string;
  role: StaffRole;
  label: string;
  created_at: Date | string;
  revoked_at: Date | string | null;
}

export const STAFF_TOKEN_COLUMNS = 'id, role, label, created_at, revoked_at';

/** The check constraint keeps `role` to the two roles, so the cast holds. */
export function toStaffToken(row: StaffTokenRow): StaffToken {
  return {
    id: row.id,
    role: row.role,
    label: row.label,
    createdAt: new Date(row.created_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
  };
}
