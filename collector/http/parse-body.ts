import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { formatIssues } from '../common/format-issues';
import { ApiFailure } from './api-failure';
import { invalidInput } from './invalid-input';
import { requireJsonContentType } from './json-content-type';
import { readBody } from './read-body';

export interface ParseBodyOptions {
  maxBytes: number;
  invalid: { code: string; message: string };
}

/** Reads, decodes and validates a JSON body; any failure becomes a 4xx `ApiFailure`. */
export async function parseBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  options: ParseBodyOptions,
): Promise<z.output<Schema>> {
  requireJsonContentType(request.headers.get('content-type'));
  return decode(await readBody(request, options.maxBytes), schema, options);
}

/**
 * As `parseBody`, with the SHA-256 (hex) of the body as it reads once decompressed: the
 * same batch hashes the same whether it came gzipped or not.
 */
export async function parseHashedBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  options: ParseBodyOptions,
): Promise<{ value: z.output<Schema>; sha256: string }> {
  requireJsonContentType(request.headers.get('content-type'));
  const bytes = await readBody(request, options.maxBytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { value: decode(bytes, schema, options), sha256 };
}

function decode<Schema extends z.ZodType>(
  bytes: Uint8Array,
  schema: Schema,
  options: ParseBodyOptions,
): z.output<Schema> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiFailure(400, 'invalid_body', 'The request body is not valid UTF-8 text.');
  }
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
    throw invalidInput(options.invalid, formatIssues(result.error));
  }
  return result.data;
}
