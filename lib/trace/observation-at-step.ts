import type { EpisodeObservation, TraceEvent } from '../schema';
import { foldObservations } from './fold-observations';

type ObservationEvent = Extract<TraceEvent, { kind: 'observation' }>;

/** What the recorder saw when a step happened: the interface, and the step's target in it. */
export type StepObservation = {
  observation: EpisodeObservation;
  /** The step's target node, present in `observation`; null when not known or not kept. */
  target: number | null;
  /**
   * How it was found: `at` the step names it; `self` the step is this observation;
   * `latest` the latest observation of the step's page (tab, frame, origin and path)
   * before it, for steps that name none.
   */
  source: 'at' | 'self' | 'latest';
  /**
   * The action names a target node that is not among the nodes kept (the page had more
   * than the recorder lists, or the node was not observed).
   */
  targetMissing: boolean;
  /**
   * Observations of this document before it are missing (deleted in review): the
   * interface is rebuilt from what is left and may lack changes.
   */
  incomplete: boolean;
};

/** Why a step has no observation to show. */
export type MissingObservation =
  /** A marker (task, pause, gap): not on any page. */
  | 'not-on-a-page'
  /** The session holds no observation at all: recorded before they existed, or all deleted. */
  | 'none-in-session'
  /** The step names an observation that is no longer in the session (deleted in review). */
  | 'deleted'
  /** None of this page before the step: the recorder could not observe it, or not yet. */
  | 'none-of-this-page';

/** The steps an observation can be shown for: those that happened in a tab. */
export function isPageStep(event: TraceEvent): boolean {
  return 'tab' in event;
}

/**
 * The observation a step was taken against: the one its `at` names, the observation
 * itself for an observation, else the latest observation of the same tab and frame
 * before it that shows the same page (origin and path: a layout from the page a
 * navigation left would be another page's). Null when there is none.
 * `events` are the session's events in sequence order, `step` one of them.
 */
export function observationAtStep(
  events: readonly TraceEvent[],
  step: TraceEvent,
): StepObservation | null {
  const found = findObservation(events, step);
  if (!found) return null;
  const { event, source } = found;
  const sameDocument = events.filter(
    (each): each is ObservationEvent =>
      each.kind === 'observation' && each.doc === event.doc && each.n <= event.n,
  );
  const observation = foldObservations(sameDocument).at(event.doc, event.n);
  if (!observation) return null;
  const named = source === 'at' && 'at' in step ? (step.at?.node ?? null) : null;
  const kept = named !== null && observation.nodes.some((node) => node.id === named);
  return {
    observation,
    target: kept ? named : null,
    source,
    targetMissing: named !== null && !kept,
    incomplete: !completeUpTo(sameDocument, event.n),
  };
}

/** Why `observationAtStep` found nothing for this step. */
export function whyNoObservation(
  events: readonly TraceEvent[],
  step: TraceEvent,
): MissingObservation {
  if (!isPageStep(step)) return 'not-on-a-page';
  if (!events.some((event) => event.kind === 'observation')) return 'none-in-session';
  if ('at' in step && step.at) return 'deleted';
  return 'none-of-this-page';
}

function findObservation(
  events: readonly TraceEvent[],
  step: TraceEvent,
): { event: ObservationEvent; source: StepObservation['source'] } | null {
  if (step.kind === 'observation') return { event: step, source: 'self' };
  if (!isPageStep(step)) return null;
  if ('at' in step && step.at) {
    const { doc, n } = step.at;
    const named = events.find(
      (event): event is ObservationEvent =>
        event.kind === 'observation' && event.doc === doc && event.n === n,
    );
    return named ? { event: named, source: 'at' } : null;
  }
  const place = placeOf(step);
  const index = events.findIndex((event) => event.seq === step.seq);
  for (let i = (index === -1 ? events.length : index) - 1; i >= 0; i--) {
    const event = events[i] as TraceEvent;
    if (event.seq >= step.seq || event.kind !== 'observation') continue;
    if (samePlace(place, placeOf(event))) return { event, source: 'latest' };
  }
  return null;
}

type Place = { tab: number; frame: string; page: string | null };

function placeOf(event: TraceEvent): Place {
  return {
    tab: 'tab' in event ? event.tab : -1,
    frame: 'frame' in event ? event.frame.join('/') : '',
    page: 'page' in event && event.page ? `${event.page.origin}${event.page.path}` : null,
  };
}

function samePlace(step: Place, observation: Place): boolean {
  return (
    step.tab === observation.tab &&
    step.frame === observation.frame &&
    (step.page === null || step.page === observation.page)
  );
}

/** The document's first observation (a full one) and every one up to `n` are present. */
function completeUpTo(observations: readonly ObservationEvent[], n: number): boolean {
  const numbers = new Set(observations.map((each) => each.n));
  for (let i = 1; i <= n; i++) if (!numbers.has(i)) return false;
  return observations.some((each) => each.n === 1 && each.full);
}
