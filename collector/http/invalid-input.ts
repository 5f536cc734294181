import { ApiFailure } from './api-failure';

/**
 * A 400 for input that failed its schema. The message names the first problem, so a
 * person reading only the message still learns which field to fix; `issues` lists all.
 */
export function invalidInput(
  invalid: { code: string; message: string },
  issues: string[],
): ApiFailure {
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more in issues)` : '';
  const message = first ? `${invalid.message} First problem: ${first}${more}.` : invalid.message;
  return new ApiFailure(400, invalid.code, message, issues);
}
