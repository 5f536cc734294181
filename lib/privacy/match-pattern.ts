/**
 * Browser match patterns (`https://*.example.org/path/*`), compiled once.
 * Ports are ignored, as browsers do.
 */
export type CompiledPattern = (url: URL) => boolean;

export function compileMatchPattern(pattern: string): CompiledPattern {
  const parsed = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!parsed) throw new Error(`Not a match pattern: ${pattern}`);
  const [, scheme, host, path] = parsed as unknown as [string, string, string, string];
  const pathRegex = globToRegex(path);
  return (url) => {
    const protocol = url.protocol.slice(0, -1);
    if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) {
      return false;
    }
    if (!hostMatches(host, url.hostname)) return false;
    return pathRegex.test(url.pathname);
  };
}

function hostMatches(pattern: string, hostname: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2).toLowerCase();
    return hostname === base || hostname.endsWith(`.${base}`);
  }
  return hostname === pattern.toLowerCase();
}

export function globToRegex(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

/** The origin-level permission pattern a match pattern needs: `scheme://host/*`. */
export function permissionOrigin(pattern: string): string {
  const parsed = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
  if (!parsed) throw new Error(`Not a match pattern: ${pattern}`);
  return `${parsed[1]}://${parsed[2]}/*`;
}
