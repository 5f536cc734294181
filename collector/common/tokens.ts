import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A pseudonym that names no person: `p_` and 24 lowercase hex characters. */
export function newParticipantId(): string {
  return `p_${randomBytes(12).toString('hex')}`;
}

/** Names a staff token in `token list` and `token revoke`; it grants nothing by itself. */
export function newStaffTokenId(): string {
  return `tok_${randomBytes(8).toString('hex')}`;
}

/** 32 random bytes, base64url: used for upload, annotator and researcher tokens. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as this hash, so a copy of the database cannot upload. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time comparison; hashing first hides the lengths as well as the contents. */
export function tokensMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
