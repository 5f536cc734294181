import { MAX_IDEMPOTENCY_KEY_LENGTH } from '../common/limits';
import { ApiFailure } from './api-failure';

const KEY = new RegExp(`^[A-Za-z0-9._:~-]{1,${MAX_IDEMPOTENCY_KEY_LENGTH}}$`);

/**
 * The request's Idempotency-Key (draft-ietf-httpapi-idempotency-key-header), required.
 * The draft makes the value a structured-field string (`"…"`); a bare value is taken
 * too, and both spellings name the same key.
 */
export function idempotencyKey(header: string | undefined): string {
  if (header === undefined) {
    throw new ApiFailure(
      400,
      'missing_idempotency_key',
      'Every upload must carry an Idempotency-Key header naming its batch, such as "<session>:<first seq>-<last seq>:<body hash>" as the extension sends; nothing was stored. Send the same key again only when retrying the same batch.',
    );
  }
  const trimmed = header.trim();
  const quoted = trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"');
  const key = quoted ? trimmed.slice(1, -1) : trimmed;
  if (!KEY.test(key)) {
    throw new ApiFailure(
      400,
      'invalid_idempotency_key',
      `The Idempotency-Key header must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, each a letter, a digit or one of . _ : ~ - (optionally in double quotes); nothing was stored.`,
    );
  }
  return key;
}
