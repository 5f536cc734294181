import type { AllowlistEntry } from '../schema';
import { compileMatchPattern, globToRegex, permissionOrigin } from './match-pattern';

export type Allowlist = (url: string | URL) => boolean;

/** Compiles a study allowlist into a predicate on URLs: matched and not excluded. */
export function compileAllowlist(entries: readonly AllowlistEntry[]): Allowlist {
  const compiled = entries.map((entry) => ({
    match: compileMatchPattern(entry.match),
    excluded: (entry.excludePaths ?? []).map(globToRegex),
  }));
  return (input) => {
    let url: URL;
    try {
      url = typeof input === 'string' ? new URL(input) : input;
    } catch {
      return false;
    }
    return compiled.some(
      (entry) => entry.match(url) && !entry.excluded.some((regex) => regex.test(url.pathname)),
    );
  };
}

/** Origin permissions to request for an allowlist, deduplicated, in order. */
export function allowlistOrigins(entries: readonly AllowlistEntry[]): string[] {
  return [...new Set(entries.map((entry) => permissionOrigin(entry.match)))];
}
