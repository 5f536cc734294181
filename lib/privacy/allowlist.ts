import type { AllowlistEntry } from '../schema';
import { compileMatchPattern, globToRegex, permissionOrigin } from './match-pattern';

export type Allowlist = (url: string | URL) => boolean;

export type CompiledEntry = { entry: AllowlistEntry; allows: (url: URL) => boolean };

// The background checks every message against the study's allowlist; compiling its
// patterns once per distinct allowlist keeps regex building off that path.
const compiledCache = new Map<string, CompiledEntry[]>();

/** Each entry with a predicate: matched by its pattern and not under an excluded path. */
export function compileAllowlistEntries(entries: readonly AllowlistEntry[]): CompiledEntry[] {
  const key = JSON.stringify(entries);
  let compiled = compiledCache.get(key);
  if (!compiled) {
    compiled = entries.map((entry) => {
      const match = compileMatchPattern(entry.match);
      const excluded = (entry.excludePaths ?? []).map(globToRegex);
      return {
        entry,
        allows: (url: URL) => match(url) && !excluded.some((regex) => regex.test(url.pathname)),
      };
    });
    if (compiledCache.size >= 8) compiledCache.clear();
    compiledCache.set(key, compiled);
  }
  return compiled;
}

export function parseUrl(input: string | URL): URL | null {
  if (typeof input !== 'string') return input;
  try {
    return new URL(input);
  } catch {
    return null;
  }
}

/** Compiles a study allowlist into a predicate on URLs: matched and not excluded. */
export function compileAllowlist(entries: readonly AllowlistEntry[]): Allowlist {
  const compiled = compileAllowlistEntries(entries);
  return (input) => {
    const url = parseUrl(input);
    return url !== null && compiled.some((entry) => entry.allows(url));
  };
}

/** Origin permissions to request for an allowlist, deduplicated, in order. */
export function allowlistOrigins(entries: readonly AllowlistEntry[]): string[] {
  return [...new Set(entries.map((entry) => permissionOrigin(entry.match)))];
}
