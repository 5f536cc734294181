import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../../lib/schema';

/** Fields of the error body beyond code, message and issues, for the few errors that need one. */
export type ApiFailureDetails = Pick<ApiError, 'currentVersion'>;

/**
 * Thrown by routes and helpers; the app's error handler turns it into the `apiError`
 * JSON shape, so every failure reads the same to the extension and to people.
 */
export class ApiFailure extends Error {
  override name = 'ApiFailure';
  /** Response headers that belong to the failure, such as Retry-After on 429. */
  headers: Record<string, string> = {};

  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: string[],
    readonly details?: ApiFailureDetails,
  ) {
    super(message);
  }

  withHeaders(headers: Record<string, string>): this {
    this.headers = { ...this.headers, ...headers };
    return this;
  }

  toJSON(): ApiError {
    return {
      error: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...this.details,
    };
  }
}
