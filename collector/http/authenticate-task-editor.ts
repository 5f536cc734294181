import { hashToken } from '../common/tokens';
import type { Participant } from '../db/store';
import { ApiFailure } from './api-failure';
import { invalidToken } from './authenticate-participant';
import { findStaff, type Staff, type StaffDeps } from './authenticate-staff';
import { bearerToken } from './bearer-token';

export type TaskEditor =
  | { by: 'annotator'; staff: Staff }
  | { by: 'volunteer'; participant: Participant };

/**
 * Who saves a task list, by bearer token: an annotator or researcher saves the
 * annotator's list; a participant's upload token saves the volunteer's own list (the
 * route then checks the session is theirs).
 */
export async function authenticateTaskEditor(
  deps: StaffDeps,
  header: string | undefined,
): Promise<TaskEditor> {
  const token = bearerToken(header);
  if (!token) {
    throw new ApiFailure(
      401,
      'missing_token',
      'Send an annotator or researcher token, or the upload token of the session\'s volunteer, as "Authorization: Bearer <token>".',
    );
  }
  const staff = await findStaff(deps, token);
  if (staff) return { by: 'annotator', staff };
  const participant = await deps.store.findParticipantByTokenHash(hashToken(token));
  if (participant?.erasedAt) throw invalidToken();
  if (participant) return { by: 'volunteer', participant };
  throw new ApiFailure(
    401,
    'invalid_token',
    'This token is neither an annotator or researcher token nor a participant upload token known to this collector.',
  );
}
