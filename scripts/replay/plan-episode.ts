import type { EpisodeAction, EpisodeObservation, ObservedNode } from '../../lib/schema';
import { hasPlaceholders } from './match-path';
import type { ReplayEpisode } from './read-episodes';

export type PlannedStep = {
  /** 0-based; step `index + 1` in what the replay prints. */
  index: number;
  action: EpisodeAction;
  /** The observation the step was taken against, and its target's node there. */
  observation: EpisodeObservation | null;
  node: ObservedNode | null;
  /** The path the step was taken on; null for a `goto` and when nothing recorded it. */
  page: string | null;
};

/** Where a replay cannot go on: the first step nothing recorded leads to. */
export type Gap = { step: number; reason: string };

export type EpisodePlan = {
  /** The origin the episode was recorded on (a replay puts its base URL in its place). */
  origin: string | null;
  viewport: { w: number; h: number };
  /** The path to open before the first step, when that step is not a `goto`. */
  start: string | null;
  steps: PlannedStep[];
  /** A gap the recorded steps themselves show; others show only when replaying. */
  gap: Gap | null;
  /** The path the episode ended on, when the recording says it. */
  final: string | null;
};

const DEFAULT_VIEWPORT = { w: 1280, h: 800 };

/** Whether a step may take the page elsewhere (so the next step may be on another path). */
export function mayNavigate(action: EpisodeAction): boolean {
  switch (action.type) {
    case 'goto':
    case 'click':
    case 'select':
    case 'tab':
      return true;
    case 'press':
      // Enter submits and follows links; a chord may be a shortcut (Alt+ArrowLeft: back).
      return action.key === 'Enter' || (action.mods?.length ?? 0) > 0;
    default:
      return false;
  }
}

/**
 * Reads an episode into the steps a replay takes: each with its observation, its
 * target's node and the page it was taken on; where it must start and end; and a
 * gap when the steps show one: a step on another path than the one before it left
 * the page at, with nothing between that navigates (the volunteer passed through
 * pages outside the study, whose steps were never recorded), or a `goto` to a path
 * whose identifiers the dataset never holds and the episode was never on before.
 */
export function planEpisode(episode: ReplayEpisode): EpisodePlan {
  const observationAt = (action: EpisodeAction) =>
    action.observation
      ? (episode.observations.find(
          (each) => each.doc === action.observation?.doc && each.n === action.observation.n,
        ) ?? null)
      : null;
  const steps: PlannedStep[] = episode.actions.map((action, index) => {
    const observation = observationAt(action);
    const node =
      action.node === null ? null : (observation?.nodes.find((n) => n.id === action.node) ?? null);
    const page = action.type === 'goto' ? null : (action.path ?? observation?.path ?? null);
    return { index, action, observation, node, page };
  });
  const first = steps[0];
  const start = first && first.action.type !== 'goto' ? first.page : null;
  const firstObservation =
    steps.find((step) => step.observation)?.observation ?? episode.observations[0];
  return {
    origin:
      firstObservation?.origin ?? episode.actions.find((action) => action.origin)?.origin ?? null,
    viewport: firstObservation?.viewport ?? DEFAULT_VIEWPORT,
    start,
    steps,
    gap: findGap(steps, start),
    final: finalPath(episode, steps),
  };
}

function findGap(steps: PlannedStep[], start: string | null): Gap | null {
  if (steps.length > 0 && steps[0]!.action.type !== 'goto') {
    if (start === null) {
      return { step: 0, reason: 'step 1 has no recorded page: there is nowhere to start' };
    }
    if (hasPlaceholders(start)) {
      return {
        step: 0,
        reason: `the episode starts on ${start}, and the dataset never records which ${placeholders(start)} that was: there is no address to open`,
      };
    }
  }
  // The path the page is known to be at before each step (null: it may have moved).
  let known: string | null = start;
  // Paths the episode was on: a replay can go back to the address it had there.
  const seen = new Set<string>(start === null ? [] : [start]);
  for (const step of steps) {
    const { action, page } = step;
    if (page !== null) seen.add(page);
    if (action.type === 'goto') {
      const path = action.path;
      if (path && hasPlaceholders(path) && !seen.has(path) && known !== null && known !== path) {
        return {
          step: step.index,
          reason: `step ${step.index + 1} goes to ${path} from ${known}, the episode was never on such a page before, and the dataset never records which ${placeholders(path)} (steps that led there are missing)`,
        };
      }
      if (path) seen.add(path);
      known = path;
      continue;
    }
    if (page !== null && known !== null && page !== known) {
      return {
        step: step.index,
        reason: `step ${step.index + 1} was recorded on ${page}, but step ${step.index} left the page on ${known} and nothing recorded leads from there to here (steps are missing: the volunteer passed through pages outside the study, or the recorder was not running)`,
      };
    }
    known = mayNavigate(action) ? null : (page ?? known);
  }
  return null;
}

function finalPath(episode: ReplayEpisode, steps: PlannedStep[]): string | null {
  const last = steps.at(-1);
  if (!last) return null;
  const lastReferenced = Math.max(
    -1,
    ...steps.map((step) =>
      step.observation ? episode.observations.indexOf(step.observation) : -1,
    ),
  );
  // An observation after the last step's: the page the episode ended on.
  if (episode.observations.length - 1 > lastReferenced) return episode.observations.at(-1)!.path;
  if (last.action.type === 'goto') return last.action.path;
  return mayNavigate(last.action) ? null : last.page;
}

function placeholders(path: string): string {
  return path
    .split('/')
    .filter((part) => part.startsWith(':'))
    .join(' and ');
}
