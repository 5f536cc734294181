import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../../lib/schema';

/**
 * Thrown by routes and helpers; the app's error handler turns it into the `apiError`
 * JSON shape, so every failure reads the same to the extension and to people.
 */
export class ApiFailure extends Error {
  override name = 'ApiFailure';

  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: string[],
  ) {
    super(message);
  }

  toJSON(): ApiError {
    return this.issues
      ? { error: this.code, message: this.message, issues: this.issues }
      : { error: this.code, message: this.message };
  }
}
