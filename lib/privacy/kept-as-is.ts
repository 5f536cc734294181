import { classifySegment } from './classify-segment';
import { isStructural } from './is-structural';

/**
 * Whether the path scrubber keeps a segment as it is (no identifier, structural words
 * only), so that no placeholder in a scrubbed path can stand for it.
 */
export function keptAsIs(words: ReadonlySet<string>): (segment: string) => boolean {
  return (segment) => classifySegment(segment) === null && isStructural(segment, words);
}
