import { hashToken } from '../common/tokens';
import type { Participant, Store } from '../db/store';
import { ApiFailure } from './api-failure';
import { bearerToken } from './bearer-token';

/**
 * The participant is whoever the upload token names: never an id from the body.
 * An erased participant's token no longer uploads, but may ask for erasure again.
 */
export async function authenticateParticipant(
  store: Store,
  header: string | undefined,
  options: { allowErased?: boolean } = {},
): Promise<Participant> {
  const token = bearerToken(header);
  if (!token) {
    throw new ApiFailure(
      401,
      'missing_token',
      'Send the upload token you got when joining the study as "Authorization: Bearer <token>".',
    );
  }
  const participant = await store.findParticipantByTokenHash(hashToken(token));
  if (!participant || (participant.erasedAt && !options.allowErased)) throw invalidToken();
  return participant;
}

/** Also for a participant erased while their request was on its way. */
export function invalidToken(): ApiFailure {
  return new ApiFailure(
    401,
    'invalid_token',
    'This upload token is unknown or no longer valid (the participant may have left the study). Join the study again to get a new token.',
  );
}
