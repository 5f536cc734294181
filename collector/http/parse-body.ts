import type { z } from 'zod';
import { formatIssues } from '../format-issues';
import { ApiFailure } from './api-failure';
import { readBody } from './read-body';

/** Reads, decodes and validates a JSON body; any failure becomes a 4xx `ApiFailure`. */
export async function parseBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  options: { maxBytes: number; invalid: { code: string; message: string } },
): Promise<z.output<Schema>> {
  const text = await readBody(request, options.maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ApiFailure(
      400,
      'invalid_json',
      `The request body is not valid JSON (${(error as Error).message}).`,
    );
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new ApiFailure(
      400,
      options.invalid.code,
      options.invalid.message,
      formatIssues(result.error),
    );
  }
  return result.data;
}
