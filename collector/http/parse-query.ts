import type { z } from 'zod';
import { formatIssues } from '../format-issues';
import { ApiFailure } from './api-failure';

/** Validates a request's query parameters as a body is validated: a 400 lists every issue. */
export function parseQuery<Schema extends z.ZodType>(
  query: Record<string, string>,
  schema: Schema,
  invalid: { code: string; message: string },
): z.output<Schema> {
  const result = schema.safeParse(query);
  if (!result.success) {
    throw new ApiFailure(400, invalid.code, invalid.message, formatIssues(result.error));
  }
  return result.data;
}
