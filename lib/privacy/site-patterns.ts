import type { AllowlistEntry } from '../schema';
import { normalizeGlob } from './normalize-path';

/**
 * An allowlist entry as two regular expressions (sources), so that the recorder in
 * every frame can check each address without bundling the match-pattern and glob code:
 * `url` is tested on `protocol//hostname/pathname` (a match pattern, ports ignored as
 * browsers do), `exclude` on the normalised path (normalize-path.ts), and `/a/*`
 * excludes `/a` itself too, as `compileExclusions` does.
 */
export type SitePattern = { url: string; exclude: string | null };

export function sitePatterns(entries: readonly AllowlistEntry[]): SitePattern[] {
  return entries.map((entry) => ({ url: urlSource(entry.match), exclude: excludeSource(entry) }));
}

function urlSource(match: string): string {
  const parsed = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(match);
  if (!parsed) throw new Error(`Not a match pattern: ${match}`);
  const [, scheme, host, path] = parsed as unknown as [string, string, string, string];
  const schemePart = scheme === '*' ? 'https?' : scheme;
  const hostPart =
    host === '*'
      ? '[^/]+'
      : host.startsWith('*.')
        ? `(?:[^/]+\\.)?${escapeRegex(host.slice(2).toLowerCase())}`
        : escapeRegex(host.toLowerCase());
  return `^${schemePart}://${hostPart}${globBody(path)}$`;
}

function excludeSource(entry: AllowlistEntry): string | null {
  const globs = (entry.excludePaths ?? []).map((glob) => {
    const normal = normalizeGlob(glob);
    return normal.endsWith('/*') && normal !== '/*'
      ? `${globBody(normal.slice(0, -2))}(?:/.*)?`
      : globBody(normal);
  });
  return globs.length === 0 ? null : `^(?:${globs.join('|')})$`;
}

function globBody(glob: string): string {
  return glob.split('*').map(escapeRegex).join('.*');
}

function escapeRegex(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
