import { sessionId } from '../../lib/schema';
import { ApiFailure } from './api-failure';

/** The `:id` of a session path: a UUID, as the extension makes them. */
export function sessionIdParam(value: string): string {
  const result = sessionId.safeParse(value);
  if (!result.success) {
    throw new ApiFailure(
      400,
      'invalid_session_id',
      `"${value.slice(0, 64)}" is not a session id: session ids are UUIDs such as 3f1c…-…, as listed by GET /v1/sessions.`,
    );
  }
  return result.data;
}
