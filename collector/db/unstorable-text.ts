/**
 * PostgreSQL refuses `\u0000` and lone surrogates in jsonb (SQLSTATE 22P05 and 22P02).
 * Valid JSON and valid for the schemas, so only the database can tell; the caller's
 * fault all the same, and a 400, not a 500.
 */
export function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '22P05' || code === '22P02';
}
