import type { z } from 'zod';
import { formatIssues } from '../common/format-issues';
import { invalidInput } from './invalid-input';

/** Validates a request's query parameters as a body is validated: a 400 lists every issue. */
export function parseQuery<Schema extends z.ZodType>(
  query: Record<string, string>,
  schema: Schema,
  invalid: { code: string; message: string },
): z.output<Schema> {
  const result = schema.safeParse(query);
  if (!result.success) {
    throw invalidInput(invalid, formatIssues(result.error));
  }
  return result.data;
}
