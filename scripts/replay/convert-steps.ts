import type { FieldKind } from '../../lib/schema';
import { describeAction, pressKeys } from './describe-action';
import { hasPlaceholders } from './match-path';
import { mayNavigate, type PlannedStep, planEpisode } from './plan-episode';
import type { ReplayEpisode } from './read-episodes';
import { slotKind } from './read-values';

/** An element as a converted script finds it: the shadow hosts' selectors, then its own. */
export type ScriptTarget = {
  selectors: string[];
  frame: number[];
  /** An XPath to the element by its position in the observation, when that can say it. */
  fallback: string | null;
  /** Where to click inside it, from the recorded box: its centre. */
  offset: { x: number; y: number };
};

/** How a slot's value goes into a control. */
export type FillControl = 'text' | 'select' | 'choice' | 'file';

export type ScriptOp =
  | { kind: 'viewport'; w: number; h: number }
  | { kind: 'navigate'; path: string; origin: string | null }
  | { kind: 'waitForPath'; template: string }
  /** Back to the latest address the script was at whose path matches. */
  | { kind: 'revisit'; template: string }
  | { kind: 'click'; target: ScriptTarget }
  | { kind: 'fill'; target: ScriptTarget; slot: FieldKind; control: FillControl }
  | { kind: 'press'; keys: string[] }
  | { kind: 'scroll'; target: ScriptTarget | null; x: number; y: number; dx: number; dy: number };

export type ScriptStep = { step: number | null; comment: string; op: ScriptOp };

export type ConvertedEpisode = {
  id: string;
  goal: string | null;
  /** The origin the episode was recorded on. */
  origin: string | null;
  ops: ScriptStep[];
  /** Episode steps that made it into the script, of all. */
  written: number;
  total: number;
  /** Why the script stops before the episode's end, when it does. */
  stopped: string | null;
};

const CONTROLS: Partial<Record<FieldKind, FillControl>> = {
  checkbox: 'choice',
  radio: 'choice',
  select: 'select',
  file: 'file',
};

/**
 * An episode as the steps a standalone script takes, shared by the Playwright and
 * Recorder conversions: open the start page, wait for each new page the episode moved
 * to, act on targets by their recorded selectors, and check the final path. Stops at
 * a gap, at a step without a selector, and at tab steps, saying why.
 */
export function convertSteps(episode: ReplayEpisode): ConvertedEpisode {
  const plan = planEpisode(episode);
  const total = plan.steps.length;
  const ops: ScriptStep[] = [
    { step: null, comment: 'viewport', op: { kind: 'viewport', ...plan.viewport } },
  ];
  const result = {
    id: episode.id,
    goal: episode.goal,
    origin: plan.origin,
    ops,
    written: 0,
    total,
    stopped: null as string | null,
  };
  let page: string | null = null;
  const seen = new Set<string>();
  const scrolled = new Map<string, { x: number; y: number }>();
  if (plan.start !== null && plan.gap?.step !== 0) {
    ops.push({
      step: null,
      comment: `open ${plan.start}`,
      op: { kind: 'navigate', path: plan.start, origin: plan.origin },
    });
    page = plan.start;
    seen.add(page);
  }
  for (const step of plan.steps) {
    const { action } = step;
    const number = step.index + 1;
    const comment = `step ${number}/${total}: ${describeAction(action)}`;
    if (plan.gap?.step === step.index) {
      result.stopped = `gap before step ${number}: ${plan.gap.reason}`;
      break;
    }
    if (action.type === 'tab') {
      result.stopped = `step ${number} works with tabs, which the converted scripts do not follow`;
      break;
    }
    if (action.type === 'goto') {
      const path = action.path ?? '/';
      const previous = plan.steps[step.index - 1]?.action;
      // A path the dataset holds no identifiers for: only a step before may lead there.
      if (!hasPlaceholders(path)) {
        ops.push({ step: number, comment, op: { kind: 'navigate', path, origin: action.origin } });
      } else if (seen.has(path)) {
        // Back, forward or a reload: the script goes back to the address it had there.
        ops.push({ step: number, comment, op: { kind: 'revisit', template: path } });
      } else if (previous && mayNavigate(previous)) {
        ops.push({
          step: number,
          comment: `${comment} (reached by step ${step.index})`,
          op: { kind: 'waitForPath', template: path },
        });
      } else {
        result.stopped = `step ${number} goes to ${path}, and the dataset never records its identifiers`;
        break;
      }
      page = path;
      seen.add(path);
      result.written += 1;
      continue;
    }
    if (step.page !== null && step.page !== page) {
      ops.push({
        step: null,
        comment: `on ${step.page}`,
        op: { kind: 'waitForPath', template: step.page },
      });
      page = step.page;
    }
    if (page !== null) seen.add(page);
    if (action.type === 'press') {
      ops.push({ step: number, comment, op: { kind: 'press', keys: pressKeys(action) } });
      result.written += 1;
      continue;
    }
    const hasElement = action.selector !== null || action.node !== null;
    if (action.type === 'scroll' && !hasElement) {
      const key = `page ${page}`;
      const at = nextScroll(scrolled, key, action.dx ?? 0, action.dy ?? 0);
      ops.push({
        step: number,
        comment,
        op: { kind: 'scroll', target: null, ...at, dx: action.dx ?? 0, dy: action.dy ?? 0 },
      });
      result.written += 1;
      continue;
    }
    if (action.selector === null) {
      result.stopped = `step ${number} has no recorded selector (a replay finds its target by the observation; a script cannot)`;
      break;
    }
    const box = action.box ?? step.node?.box ?? null;
    const target: ScriptTarget = {
      selectors: [...(action.shadow ?? []), action.selector],
      frame: action.frame,
      fallback: positionXPath(step),
      offset: {
        x: box ? Math.max(1, Math.round(box.w / 2)) : 1,
        y: box ? Math.max(1, Math.round(box.h / 2)) : 1,
      },
    };
    if (action.type === 'click') {
      ops.push({ step: number, comment, op: { kind: 'click', target } });
    } else if (action.type === 'scroll') {
      const at = nextScroll(scrolled, target.selectors.join(' '), action.dx ?? 0, action.dy ?? 0);
      ops.push({
        step: number,
        comment,
        op: { kind: 'scroll', target, ...at, dx: action.dx ?? 0, dy: action.dy ?? 0 },
      });
    } else {
      const slot = slotKind(action.slot, action.field);
      ops.push({
        step: number,
        comment,
        op: { kind: 'fill', target, slot, control: CONTROLS[slot] ?? 'text' },
      });
    }
    result.written += 1;
  }
  if (result.stopped === null && plan.final !== null) {
    ops.push({
      step: null,
      comment: `the episode ended on ${plan.final}`,
      op: { kind: 'waitForPath', template: plan.final },
    });
  }
  return result;
}

/** Tags whose every element an observation lists (they are interactive), so a position counts. */
const ALWAYS_OBSERVED: Record<string, string> = {
  a: '//a[@href]',
  button: '//button',
  input: "//input[not(@type='hidden')]",
  select: '//select',
  textarea: '//textarea',
};

/**
 * The target as the n-th element of its tag in the document, read off the observation
 * (nodes in document order): a second way to find it when its selector no longer
 * matches. Only for an observation of the whole page and a target outside shadow roots.
 */
export function positionXPath(step: PlannedStep): string | null {
  const { node, observation, action } = step;
  if (!node || !observation || observation.truncated || (action.shadow?.length ?? 0) > 0) {
    return null;
  }
  const path = ALWAYS_OBSERVED[node.tag];
  if (!path) return null;
  const index = observation.nodes.filter((each) => each.tag === node.tag).indexOf(node);
  return index < 0 ? null : `(${path})[${index + 1}]`;
}

/** Scroll steps give moves; a Recorder step gives the position reached. */
function nextScroll(
  seen: Map<string, { x: number; y: number }>,
  key: string,
  dx: number,
  dy: number,
) {
  const before = seen.get(key) ?? { x: 0, y: 0 };
  const after = { x: Math.max(0, before.x + dx), y: Math.max(0, before.y + dy) };
  seen.set(key, after);
  return after;
}

/** A file name for an episode's script: its id with anything unusual replaced. */
export function episodeFileName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || 'episode';
}
