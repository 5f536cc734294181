import { allowsRecordedPage } from '../../lib/privacy/allowlist';
import { keptAsIs } from '../../lib/privacy/kept-as-is';
import { stripToLevel } from '../../lib/privacy/strip-to-level';
import {
  restrictPath,
  type StructuralTerms,
  structuralWordSet,
} from '../../lib/privacy/structural-words';
import { pageWithinQueryKeys, selectorsWithinStudy } from '../../lib/privacy/within-named-terms';
import type { TargetDescriptor, TraceEvent } from '../../lib/schema';
import type { Study } from './load-studies';

export interface ConsentedEvents {
  /** The events the study's consent covers, as they may be stored, in batch order. */
  events: TraceEvent[];
  /**
   * How many fields were removed or replaced: `name` and `label` at capture level
   * `structure`, and page paths with a segment that is not structural.
   */
  stripped: number;
  /** How many events were left out: their page is not certainly allowed by the study. */
  dropped: number;
}

/**
 * The collector's own enforcement of the consent, whatever the extension did: an
 * outdated or modified recorder must not put more into the dataset than the volunteer
 * agreed to. At capture level `structure`, target descriptors lose their accessible
 * name and form label (stripped, so the rest of the volunteer's data is kept). An
 * event whose page the study's allowlist does not certainly allow (another origin, or
 * a path under an excluded path, placeholders counting as possibly excluded) is left
 * out. A path segment that is not structural (lib/privacy/structural-words.ts) is
 * replaced by `:text`. Events without a page (markers, some tab events) are kept.
 */
export function keepWithinConsent(
  study: Pick<Study, 'captureLevel' | 'allowlist' | 'queryKeys' | 'testIdAttributes'> &
    StructuralTerms,
  events: readonly TraceEvent[],
): ConsentedEvents {
  const words = wordSetOf(study);
  const kept = keptAsIs(words);
  const pageVerdicts = new Map<string, boolean>();
  const allowed = (page: { origin: string; path: string }): boolean => {
    const key = `${page.origin}\n${page.path}`;
    let verdict = pageVerdicts.get(key);
    if (verdict === undefined) {
      verdict = allowsRecordedPage(study.allowlist, page, kept);
      pageVerdicts.set(key, verdict);
    }
    return verdict;
  };

  const out: TraceEvent[] = [];
  let stripped = 0;
  let dropped = 0;
  for (const original of events) {
    let event = original;
    if ('page' in event && event.page !== undefined) {
      if (!allowed(event.page) || !selectorsWithinStudy(event, study.testIdAttributes, words)) {
        dropped += 1;
        continue;
      }
      const path = restrictPath(event.page.path, words);
      const page = pageWithinQueryKeys(event.page, study.queryKeys);
      if (path !== event.page.path || page !== event.page) {
        stripped += 1;
        event = { ...event, page: { ...page, path } } as TraceEvent;
      }
    } else if (!selectorsWithinStudy(event, study.testIdAttributes, words)) {
      dropped += 1;
      continue;
    }
    if ('target' in event && typeof event.target === 'object') {
      const removed = labelFields(event.target);
      const kept = stripToLevel(event, study.captureLevel);
      if (kept !== event) stripped += removed;
      event = kept;
    }
    out.push(event);
  }
  return { events: out, stripped, dropped };
}

const wordSets = new WeakMap<object, ReadonlySet<string>>();

/** A study's structural words, built once per loaded study. */
function wordSetOf(study: StructuralTerms): ReadonlySet<string> {
  let words = wordSets.get(study);
  if (!words) {
    words = structuralWordSet(study);
    wordSets.set(study, words);
  }
  return words;
}

function labelFields(target: TargetDescriptor): number {
  return (target.name === undefined ? 0 : 1) + (target.label === undefined ? 0 : 1);
}
