/**
 * A random id for one recorder's document, 8 to 12 characters of [a-z0-9], nothing from
 * the page. It tells one document's observations from another's; it is no secret.
 */
export function documentId(): string {
  return Math.random().toString(36).slice(2, 14).padEnd(8, '0');
}
