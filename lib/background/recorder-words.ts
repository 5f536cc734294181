import type { RecordingTerms } from '../db/recording-terms';
import { structuralWords } from '../privacy/structural-words';

/**
 * The words a recorder may keep as they are in paths, ids, classes and names: the
 * built-in vocabulary plus the words the study names (lib/privacy/structural-words.ts).
 * Empty keeps nothing (fail closed).
 */
export function recorderWords(terms: RecordingTerms): string[] {
  return structuralWords(terms);
}
