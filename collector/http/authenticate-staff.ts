import type { StaffRole } from '../../lib/schema';
import { hashToken, tokensMatch } from '../common/tokens';
import { ApiFailure } from './api-failure';
import type { AppDeps } from './app-deps';
import { bearerToken } from './bearer-token';

export interface Staff {
  role: StaffRole;
  /** The tokens-table id, or null for the researcher token configured at start. */
  tokenId: string | null;
}

export type StaffDeps = Pick<AppDeps, 'store' | 'researcherToken'>;

/**
 * An annotator or researcher, by bearer token: the researcher token the collector was
 * started with, or a token made with `token create` and not revoked. A researcher may
 * do whatever an annotator may. Upload tokens are not staff tokens.
 */
export async function authenticateStaff(
  deps: StaffDeps,
  header: string | undefined,
  allowed: readonly StaffRole[],
): Promise<Staff> {
  const staff = await findStaff(deps, bearerToken(header));
  if (!staff) throw invalidStaffToken(allowed);
  if (!allows(allowed, staff.role)) {
    throw new ApiFailure(
      403,
      'researcher_only',
      'This needs a researcher token; an annotator token can list and annotate sessions only.',
    );
  }
  return staff;
}

/**
 * The staff member a token names, undefined when it names none (it may be an upload
 * token); a revoked token is refused here, as it must never fall through to another kind.
 */
export async function findStaff(
  deps: StaffDeps,
  token: string | undefined,
): Promise<Staff | undefined> {
  if (!token) return undefined;
  if (tokensMatch(token, deps.researcherToken)) return { role: 'researcher', tokenId: null };
  const row = await deps.store.findStaffTokenByHash(hashToken(token));
  if (!row) return undefined;
  if (row.revokedAt) {
    throw new ApiFailure(
      401,
      'revoked_token',
      `This ${row.role} token was revoked on ${row.revokedAt.toISOString().slice(0, 10)}. Ask the researcher for a new one.`,
    );
  }
  return { role: row.role, tokenId: row.id };
}

function allows(allowed: readonly StaffRole[], role: StaffRole): boolean {
  return allowed.includes(role) || (role === 'researcher' && allowed.includes('annotator'));
}

/** Export keeps its own code: clients written against it check for it. */
function invalidStaffToken(allowed: readonly StaffRole[]): ApiFailure {
  if (!allowed.includes('annotator')) {
    return new ApiFailure(
      401,
      'invalid_researcher_token',
      'This needs "Authorization: Bearer <researcher token>"; print the token with `npm run collector -- token --data <data folder>`, or create one with `npm run collector -- token create --role researcher`.',
    );
  }
  return new ApiFailure(
    401,
    'invalid_staff_token',
    'This needs "Authorization: Bearer <annotator or researcher token>"; the researcher creates annotator tokens with `npm run collector -- token create --role annotator`.',
  );
}
