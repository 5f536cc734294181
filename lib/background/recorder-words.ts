import type { RecordingTerms } from '../db/recording-terms';
import { structuralWords } from '../privacy/structural-words';

let cached: { key: string; words: string[] } | null = null;

/**
 * The words a recorder may keep as they are in paths, ids, classes and names: the
 * built-in vocabulary plus the words the study names (lib/privacy/structural-words.ts).
 * Empty keeps nothing (fail closed). The background asks for every message of events,
 * so the list (about a thousand words, sorted) is built once per set of terms.
 */
export function recorderWords(terms: RecordingTerms): string[] {
  const key = JSON.stringify([
    terms.routeTemplates,
    terms.allowlist,
    terms.testIdAttributes,
    terms.structuralWords ?? [],
  ]);
  if (cached?.key !== key) cached = { key, words: structuralWords(terms) };
  return cached.words;
}
