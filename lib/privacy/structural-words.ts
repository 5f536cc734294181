import { isStructural } from './is-structural';
import { STRUCTURAL_VOCABULARY } from './structural-vocabulary';

const PLACEHOLDER_WORDS = ['id', 'uuid', 'token', 'email', 'text'];

/** What a study (or the volunteer's own site list) names, as far as words go. */
export type StructuralTerms = {
  routeTemplates?: readonly string[];
  allowlist?: readonly { match: string; excludePaths?: readonly string[] }[];
  testIdAttributes?: readonly string[];
  /** The study's own extra structural words (`structuralWords` in the study file). */
  structuralWords?: readonly string[];
};

/**
 * The words a recorder may keep in path segments, ids, classes and (at level `labels`)
 * names: the built-in vocabulary, the literal words of the study's route templates, of
 * its allowlist's match paths and excluded paths, of its test-id attribute names, and
 * its own `structuralWords`. Lowercase, sorted, without duplicates. Pure: the background
 * computes it for each recorder's configuration, the collector to check uploads.
 */
export function structuralWords(terms: StructuralTerms): string[] {
  const words = new Set(STRUCTURAL_VOCABULARY);
  const addWordsOf = (text: string) => {
    for (const word of wordsOf(text)) words.add(word);
  };
  for (const template of terms.routeTemplates ?? []) {
    // Literal parts, and the names of `:name` parts so that `restrictPath` knows them.
    addWordsOf(template);
  }
  for (const entry of terms.allowlist ?? []) {
    addWordsOf(matchPath(entry.match));
    for (const path of entry.excludePaths ?? []) addWordsOf(path);
  }
  for (const attribute of terms.testIdAttributes ?? []) addWordsOf(attribute);
  for (const word of terms.structuralWords ?? []) words.add(word.toLowerCase());
  // The placeholders scrubbers write: `restrictPath` keeps `:id`, `:text`….
  for (const word of PLACEHOLDER_WORDS) words.add(word);
  // Labels spell `don't` with a typographic apostrophe as often as without.
  for (const word of [...words]) if (word.includes("'")) words.add(word.replace(/'/g, '’'));
  return [...words].sort();
}

/** The word set a scrubber takes, built once per list of words. */
export function structuralWordSet(terms: StructuralTerms): ReadonlySet<string> {
  return new Set(structuralWords(terms));
}

/**
 * Replaces with `:text` every segment of an already-scrubbed path that is not made of
 * structural words, whether plain (`products`) or a placeholder (`:id`, `:text`, or a
 * route template's `:user`, whose name `structuralWords` adds): the background's and
 * the collector's second check on every event's page path.
 */
export function restrictPath(path: string, words: ReadonlySet<string>): string {
  return path
    .split('/')
    .map((segment) =>
      segment === '' || isStructural(segment.replace(/^:(?=[a-z])/, ''), words) ? segment : ':text',
    )
    .join('/');
}

/** Whether `restrictPath` would leave the path as it is. */
export function isStructuralPath(path: string, words: ReadonlySet<string>): boolean {
  return restrictPath(path, words) === path;
}

/** Letter runs, split at camelCase humps as `isStructural` splits them, lowercased. */
function wordsOf(text: string): string[] {
  return (
    text
      .replace(/([a-z])(?=[A-Z])/g, '$1-')
      .toLowerCase()
      .match(/[a-z]+/g) ?? []
  );
}

/** The path of a match pattern (`https://shop.example/shop/*` → `/shop/*`). */
function matchPath(pattern: string): string {
  const afterScheme = pattern.indexOf('://');
  const slash = pattern.indexOf('/', afterScheme < 0 ? 0 : afterScheme + 3);
  return slash < 0 ? '' : pattern.slice(slash);
}
