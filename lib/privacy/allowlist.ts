import type { AllowlistEntry } from '../schema';
import { mayMatchGlob } from './match-path-glob';
import { compileMatchPattern, permissionOrigin } from './match-pattern';
import { normalizeGlob, normalizePath } from './normalize-path';

export type Allowlist = (url: string | URL) => boolean;

export type CompiledEntry = {
  entry: AllowlistEntry;
  /** Matched by the entry's pattern, exclusions aside. */
  matches: (url: URL) => boolean;
  /** Matched by the entry's pattern and not under one of its excluded paths. */
  allows: (url: URL) => boolean;
  /**
   * Whether a path (raw, or scrubbed with `:` placeholders) is, or may be, under one
   * of the entry's excluded paths, after normalisation (see normalize-path.ts).
   * `keptAsIs` says which literal segments a scrubber keeps as they are (see
   * match-path-glob.ts); without it, a placeholder may stand for any segment.
   */
  excludes: (path: string, keptAsIs?: (segment: string) => boolean) => boolean;
};

// The background checks every message against the study's allowlist; compiling its
// patterns once per distinct allowlist keeps regex building off that path.
const compiledCache = new Map<string, CompiledEntry[]>();

/** Each entry with its predicates. */
export function compileAllowlistEntries(entries: readonly AllowlistEntry[]): CompiledEntry[] {
  const key = JSON.stringify(entries);
  let compiled = compiledCache.get(key);
  if (!compiled) {
    compiled = entries.map((entry) => {
      const matches = compileMatchPattern(entry.match);
      const excludes = compileExclusions(entry.excludePaths ?? []);
      return {
        entry,
        matches,
        excludes,
        allows: (url: URL) => matches(url) && !excludes(url.pathname),
      };
    });
    if (compiledCache.size >= 8) compiledCache.clear();
    compiledCache.set(key, compiled);
  }
  return compiled;
}

/** `/account/*` also covers `/account` itself: the section's own page is part of it. */
export function compileExclusions(
  globs: readonly string[],
): (path: string, keptAsIs?: (segment: string) => boolean) => boolean {
  const patterns = globs.flatMap((glob) => {
    const normal = normalizeGlob(glob);
    return normal.endsWith('/*') && normal !== '/*' ? [normal, normal.slice(0, -2)] : [normal];
  });
  if (patterns.length === 0) return () => false;
  const seen = new Map<string, boolean>();
  return (path, keptAsIs) => {
    if (keptAsIs) {
      const normal = normalizePath(path);
      return patterns.some((pattern) => mayMatchGlob(normal, pattern, keptAsIs));
    }
    let verdict = seen.get(path);
    if (verdict === undefined) {
      const normal = normalizePath(path);
      verdict = patterns.some((pattern) => mayMatchGlob(normal, pattern));
      if (seen.size >= 256) seen.clear();
      seen.set(path, verdict);
    }
    return verdict;
  };
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

/**
 * Whether a recorded page (origin and scrubbed path, as an event carries it) is
 * allowlisted for sure: some entry matches it and none of that entry's excluded
 * paths may cover it. A placeholder in the path counts against it (fail closed)
 * unless `keptAsIs` shows the excluded segment it would have to stand for is one a
 * scrubber keeps as it is (see match-path-glob.ts).
 */
export function allowsRecordedPage(
  entries: readonly AllowlistEntry[],
  page: { origin: string; path: string },
  keptAsIs?: (segment: string) => boolean,
): boolean {
  const url = parseUrl(`${page.origin}${page.path}`);
  if (!url) return false;
  return compileAllowlistEntries(entries).some(
    ({ matches, excludes }) => matches(url) && !excludes(page.path, keptAsIs),
  );
}

/**
 * `allowsRecordedPage` for one allowlist and one `keptAsIs`, compiled once, with its
 * verdicts remembered (up to a few thousand addresses): the background and the collector
 * ask it for every event's page and every link path of an observation (up to 1,500
 * nodes each), and the same few addresses come back again and again.
 */
export function recordedPageCheck(
  entries: readonly AllowlistEntry[],
  keptAsIs?: (segment: string) => boolean,
): (origin: string, path: string) => boolean {
  const compiled = compileAllowlistEntries(entries);
  const verdicts = new Map<string, boolean>();
  return (origin, path) => {
    const key = `${origin}\n${path}`;
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      const url = parseUrl(`${origin}${path}`);
      verdict =
        url !== null &&
        compiled.some(({ matches, excludes }) => matches(url) && !excludes(path, keptAsIs));
      if (verdicts.size >= MAX_REMEMBERED_VERDICTS) verdicts.clear();
      verdicts.set(key, verdict);
    }
    return verdict;
  };
}

const MAX_REMEMBERED_VERDICTS = 4096;

/** Origin permissions to request for an allowlist, deduplicated, in order. */
export function allowlistOrigins(entries: readonly AllowlistEntry[]): string[] {
  return [...new Set(entries.map((entry) => permissionOrigin(entry.match)))];
}
