/**
 * The permission pattern for a server the extension calls (a study link's or a
 * collector's). Match patterns carry no port: a port would make Firefox ask again.
 */
export function collectorOrigin(url: string | URL): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}
