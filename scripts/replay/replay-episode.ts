import type { EpisodeAction } from '../../lib/schema';
import { describeAction, pressKeys } from './describe-action';
import { fillSlot } from './fill-slot';
import { displayPath, hasPlaceholders, matchesTemplate } from './match-path';
import { pageCall } from './page-call';
import { type EpisodePlan, mayNavigate, type PlannedStep, planEpisode } from './plan-episode';
import type { ReplayEpisode } from './read-episodes';
import type { SlotValues } from './read-values';
import { slotKind } from './read-values';
import type { ReplayBrowser, ReplaySession, ReplayTab } from './replay-browser';
import { firstLine, resolveTarget } from './resolve-target';
import { hasTarget } from './target-query';
import { sleep, waitForPage } from './wait-for-page';

export type ReplayOptions = {
  /** The origin that stands in for the one the episode was recorded on. */
  baseUrl: string;
  values: SlotValues;
  /** How long a step may wait for its page or its target. */
  timeoutMs: number;
  log: (line: string) => void;
  /**
   * Called once the start page is open, just before the first step, and then once the
   * replay ended (checked or stopped), before its tabs close: where someone recording
   * the replay marks the task's start and end, as a volunteer does around a task.
   */
  beforeSteps?: () => Promise<void>;
  afterSteps?: () => Promise<void>;
};

export type EpisodeResult = {
  id: string;
  ok: boolean;
  /** The path the replay ended on: the recorded template it matches, or the live path. */
  finalPath: string | null;
  replayed: number;
  total: number;
  bySelector: number;
  byObservation: number;
  /** Why it failed, in words. */
  reason: string | null;
};

/** Time for a click or key to start a navigation before the page is looked at. */
const SETTLE_MS = 100;

class StepFailure extends Error {}

type Run = {
  plan: EpisodePlan;
  options: ReplayOptions;
  session: ReplaySession;
  tab: ReplayTab;
  tabs: Map<number, ReplayTab>;
  firstMapped: boolean;
  /** Addresses this replay was at, latest last: a goto back to one needs no identifiers. */
  visited: string[];
};

/**
 * Replays one episode in a fresh browsing context: opens where it started, then takes
 * each step on the page it was recorded on, and checks it ends where it ended. Stops
 * at the first step it cannot take (a gap, a page that is not the recorded one, a
 * target not found) and says why.
 */
export async function replayEpisode(
  browser: ReplayBrowser,
  episode: ReplayEpisode,
  options: ReplayOptions,
): Promise<EpisodeResult> {
  const plan = planEpisode(episode);
  const templates = [
    ...new Set([
      ...episode.observations.map((each) => each.path),
      ...episode.actions.flatMap((each) => (each.path ? [each.path] : [])),
    ]),
  ];
  const session = await browser.newSession(plan.viewport);
  const run: Run = {
    plan,
    options,
    session,
    tab: session.first,
    tabs: new Map(),
    firstMapped: false,
    visited: [],
  };
  const total = plan.steps.length;
  const result: EpisodeResult = {
    id: episode.id,
    ok: false,
    finalPath: null,
    replayed: 0,
    total,
    bySelector: 0,
    byObservation: 0,
    reason: null,
  };
  const livePath = async () => {
    const location = await run.tab.location();
    return location ? displayPath(new URL(location.href).pathname, templates) : null;
  };
  options.log(`replaying ${episode.id}: ${total} steps${episode.goal ? ` (${episode.goal})` : ''}`);
  let began = false;
  try {
    if (total === 0) throw new StepFailure('the episode has no steps');
    if (plan.start !== null && plan.gap?.step !== 0) {
      await run.tab.goto(urlFor(run, plan.origin, plan.start));
      options.log(`  start: opened ${plan.start}`);
    }
    await options.beforeSteps?.();
    began = true;
    for (const step of plan.steps) {
      const label = `step ${step.index + 1}/${total} ${describeAction(step.action)}`;
      if (plan.gap?.step === step.index) {
        throw new StepFailure(`gap before step ${step.index + 1}: ${plan.gap.reason}`);
      }
      const detail = await takeStep(run, step, result);
      result.replayed += 1;
      const location = await run.tab.location();
      if (location) run.visited.push(location.href);
      options.log(`  ${label}: ${detail}`);
    }
    await sleep(SETTLE_MS);
    const end = await waitForPage(run.tab, plan.final, options.timeoutMs);
    if (!end.matched) {
      throw new StepFailure(
        `the episode ended on ${plan.final}, but the replay ended on ${end.path ? displayPath(end.path, templates) : 'no page'}`,
      );
    }
    result.ok = true;
    result.finalPath = plan.final ?? (await livePath());
  } catch (error) {
    result.reason =
      error instanceof StepFailure
        ? error.message
        : `step ${result.replayed + 1}: ${firstLine(error)}`;
    result.finalPath = await livePath().catch(() => null);
  } finally {
    try {
      if (began) await options.afterSteps?.();
    } finally {
      await session.close().catch(() => undefined);
    }
  }
  return result;
}

function urlFor(run: Run, origin: string | null, path: string): string {
  const base =
    origin === null || origin === run.plan.origin ? run.options.baseUrl : origin.replace(/\/$/, '');
  return `${base}${path}`;
}

/** Takes one step; returns what it did for the log, or throws StepFailure. */
async function takeStep(run: Run, step: PlannedStep, result: EpisodeResult): Promise<string> {
  const { action } = step;
  const { timeoutMs } = run.options;
  const previous = run.plan.steps[step.index - 1];
  if (action.type === 'goto') return goto(run, step, previous?.action);
  if (action.type === 'tab') return switchTab(run, action);
  if (previous) await sleep(SETTLE_MS);
  const page = await waitForPage(run.tab, step.page, timeoutMs);
  if (page.href) run.visited.push(page.href);
  if (!page.matched) {
    const where = step.index === 0 ? 'the start page opened' : `after step ${step.index}`;
    throw new StepFailure(
      `gap before step ${step.index + 1}: it was recorded on ${step.page}, but ${where} the page is on ${page.path ? displayPath(page.path) : 'no page'} and no recorded step leads from there (steps are missing: the volunteer passed through pages outside the study or the recorder was not running; or the site changed)`,
    );
  }
  if (!hasTarget(step)) {
    if (action.type === 'press') {
      const keys = pressKeys(action);
      for (const key of keys) await run.tab.keyDown(key);
      for (const key of [...keys].reverse()) await run.tab.keyUp(key);
      return 'pressed';
    }
    // A scroll of the page itself.
    await run.tab.evaluate(
      pageCall(
        (dx: number, dy: number) => window.scrollBy({ left: dx, top: dy, behavior: 'instant' }),
        action.dx ?? 0,
        action.dy ?? 0,
      ),
      action.frame,
    );
    return 'scrolled the page';
  }
  let target: Awaited<ReturnType<typeof resolveTarget>>;
  try {
    target = await resolveTarget(run.tab, step, timeoutMs);
  } catch (error) {
    throw new StepFailure(
      `step ${step.index + 1} (${describeAction(action)}): ${firstLine(error)}`,
    );
  }
  const { ref, found } = target;
  if (found.by === 'selector') result.bySelector += 1;
  else result.byObservation += 1;
  const foundText = `found by ${found.by} (${found.detail})`;
  if (action.type === 'click') {
    await run.tab.click(ref);
    return foundText;
  }
  if (action.type === 'scroll') {
    await run.tab.onElement(
      ref,
      (element, by: { dx: number; dy: number }) =>
        element.scrollBy({ left: by.dx, top: by.dy, behavior: 'instant' }),
      { dx: action.dx ?? 0, dy: action.dy ?? 0 },
    );
    return `${foundText}, scrolled it`;
  }
  const done = await fillSlot(
    run.tab,
    ref,
    run.options.values[slotKind(action.slot, action.field)],
  );
  return `${foundText}, ${done}`;
}

/**
 * Opens a goto's path: the latest address this replay was at whose path matches it (a
 * goto back, forward or a reload: the replay knows the identifiers it went through),
 * or, for a path without placeholders, the path on the base URL. A path with
 * placeholders the replay was never at is a gap: the dataset never holds identifiers.
 */
async function goto(run: Run, step: PlannedStep, previous: EpisodeAction | undefined) {
  const path = step.action.path;
  if (!path) throw new StepFailure(`step ${step.index + 1} is a goto with no path`);
  // Let a navigation the step before started commit first.
  if (previous && mayNavigate(previous)) {
    const page = await waitForPage(run.tab, null, run.options.timeoutMs);
    if (page.href) run.visited.push(page.href);
  }
  const been = run.visited.findLast((href) => matchesTemplate(new URL(href).pathname, path));
  if (been && hasPlaceholders(path)) {
    await run.tab.goto(been);
    return 'opened the address this replay was at on that path';
  }
  if (hasPlaceholders(path)) {
    const location = await run.tab.location();
    const here = location ? displayPath(new URL(location.href).pathname) : 'no page';
    throw new StepFailure(
      `gap before step ${step.index + 1}: it goes to ${path}, the dataset never records which ${path
        .split('/')
        .filter((part) => part.startsWith(':'))
        .join(' and ')} that was, and this replay was never on such a page (it is on ${here})`,
    );
  }
  await run.tab.goto(urlFor(run, step.action.origin, path));
  return 'opened';
}

async function switchTab(run: Run, action: EpisodeAction): Promise<string> {
  const index = action.tabIndex;
  if (index === null) throw new StepFailure('a tab step with no tab index');
  if (action.tab === 'open') {
    await sleep(SETTLE_MS);
    let tab = run.session.takeOpened()[0];
    if (!tab && !run.firstMapped && (await run.tab.location())?.href === 'about:blank') {
      // The episode opens with its first tab: that is the one the session started with.
      tab = run.session.first;
      run.firstMapped = true;
    }
    tab ??= await run.session.openTab();
    run.tabs.set(index, tab);
    run.tab = tab;
    return `tab ${index} opened`;
  }
  if (action.tab === 'close') {
    const tab = run.tabs.get(index);
    run.tabs.delete(index);
    await tab?.close();
    if (tab === run.tab) run.tab = [...run.tabs.values()].at(-1) ?? run.session.first;
    return `tab ${index} closed`;
  }
  let tab = run.tabs.get(index);
  if (!tab) {
    // A tab the episode has not opened: one a page opened, or the one it started in.
    tab = run.session.takeOpened()[0];
    if (!tab && !run.firstMapped) tab = run.session.first;
    if (!tab) throw new StepFailure(`tab ${index} was never opened in this episode`);
    run.tabs.set(index, tab);
  }
  if (tab === run.session.first) run.firstMapped = true;
  run.tab = tab;
  await tab.bringToFront();
  return `switched to tab ${index}`;
}
