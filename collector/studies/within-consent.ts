import { recordedPageCheck } from '../../lib/privacy/allowlist';
import { keptAsIs } from '../../lib/privacy/kept-as-is';
import { stripToLevel } from '../../lib/privacy/strip-to-level';
import {
  restrictPath,
  type StructuralTerms,
  structuralWordSet,
} from '../../lib/privacy/structural-words';
import { pageWithinQueryKeys, selectorsWithinStudy } from '../../lib/privacy/within-named-terms';
import {
  compileObservationCheck,
  type ObservationCheck,
} from '../../lib/privacy/within-observation';
import type { TargetDescriptor, TraceEvent } from '../../lib/schema';
import type { Study } from './load-studies';

export interface ConsentedEvents {
  /** The events the study's consent covers, as they may be stored, in batch order. */
  events: TraceEvent[];
  /**
   * How many fields were removed or replaced: `name` and `label` at capture level
   * `structure`, page paths with a segment that is not structural, and in observations
   * each node's `name`, `path`, `tag` or `role` the terms do not allow as it was.
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
 * An observation's nodes are held to the same terms (lib/privacy/within-observation.ts):
 * names go at `structure` (and from choice controls at `labels`, where the others are
 * scrubbed again), link paths outside the study's allowed addresses go, and tags and
 * roles the page made up are replaced; the node itself stays. An action's `at` (a
 * document id and two numbers) is kept or dropped with its event.
 */
export function keepWithinConsent(
  study: Pick<Study, 'captureLevel' | 'allowlist' | 'queryKeys' | 'testIdAttributes'> &
    StructuralTerms,
  events: readonly TraceEvent[],
): ConsentedEvents {
  const { words, allows, observation } = termsOf(study);
  const allowed = (page: { origin: string; path: string }): boolean =>
    allows(page.origin, page.path);

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
    const checked = observation(event);
    stripped += checked.stripped;
    out.push(checked.event);
  }
  return { events: out, stripped, dropped };
}

type CompiledTerms = {
  words: ReadonlySet<string>;
  /** Whether an address is certainly allowed (verdicts remembered). */
  allows: (origin: string, path: string) => boolean;
  observation: ObservationCheck;
};

const compiledTerms = new WeakMap<object, CompiledTerms>();

/**
 * A study's structural words and checks, built once per loaded study: an observation
 * can hold 1,500 nodes, so nothing is compiled per batch, event or node.
 */
function termsOf(
  study: Pick<Study, 'captureLevel' | 'allowlist'> & StructuralTerms,
): CompiledTerms {
  let terms = compiledTerms.get(study);
  if (!terms) {
    const words = structuralWordSet(study);
    const allows = recordedPageCheck(study.allowlist, keptAsIs(words));
    const observation = compileObservationCheck({
      captureLevel: study.captureLevel,
      words,
      allowsPage: allows,
    });
    terms = { words, allows, observation };
    compiledTerms.set(study, terms);
  }
  return terms;
}

function labelFields(target: TargetDescriptor): number {
  return (target.name === undefined ? 0 : 1) + (target.label === undefined ? 0 : 1);
}
