/**
 * Names the identifier a URL path segment (or attribute value) carries, if any.
 * Order matters: a UUID is also hex, an email also long.
 */
export type IdentifierKind = 'uuid' | 'email' | 'token' | 'id';

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/;
const HEX = /^(?=.*\d)(?=.*[a-f])[0-9a-f]{8,}$/i;
const DIGIT_RUN = /\d{4,}/;

export function classifySegment(segment: string): IdentifierKind | null {
  if (UUID.test(segment)) return 'uuid';
  if (segment.includes('@') && EMAIL.test(segment)) return 'email';
  if (segment.length > 32 || HEX.test(segment) || looksLikeToken(segment)) return 'token';
  if (DIGIT_RUN.test(segment)) return 'id';
  return null;
}

/** base64/base64url-ish: long enough and mixing letters with digits or case. */
function looksLikeToken(segment: string): boolean {
  if (segment.length < 16 || !/^[A-Za-z0-9+/=_-]+$/.test(segment)) return false;
  const hasDigit = /\d/.test(segment);
  const hasUpper = /[A-Z]/.test(segment);
  const hasLower = /[a-z]/.test(segment);
  return (hasDigit && (hasUpper || hasLower)) || (hasUpper && hasLower && !/[-_]/.test(segment));
}
