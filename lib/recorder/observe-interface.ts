import { diffSkeleton, type Kept } from './diff-skeleton';
import { documentId } from './document-id';
import { groundNode } from './ground-node';
import { inIdleSlices } from './idle-slices';
import { nodeIds } from './node-ids';
import { resolveTarget } from './resolve-target';
import { settleTimer } from './settle-timer';
import { skeletonJob, viewOf } from './skeleton-job';
import { type Ground, listenerOptions, type RecorderContext, recordingHere } from './types';
import { boxOf } from './walk-skeleton';

/** The page must be quiet this long after a change before it is observed again. */
export const SETTLE_MS = 300;
/** A page that never settles is still observed this long after its first change. */
export const MAX_WAIT_MS = 2_000;
/** What an action's own handler may spend finishing an observation before it is recorded. */
export const ACTION_BUDGET_MS = 1;
/** After a walk, the next waits at least this many times as long as it took: ≤ 10 % of the CPU. */
const WORK_SHARE = 10;

/**
 * Every kind of change: attributes decide membership, states, names, links and (through
 * classes and styles) boxes. What the page changes costs a walk at most, no event unless
 * the skeleton changed, and walks are spaced by WORK_SHARE.
 */
const MUTATIONS: MutationObserverInit = {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
};

type Cause = 'load' | 'change' | 'action';
type Job = ReturnType<typeof skeletonJob> & { cause: Cause };
type Outcome = ReturnType<typeof diffSkeleton> & {
  viewport: { w: number; h: number };
  truncated: boolean;
};

/**
 * Observations: what the page offered, as a skeleton of its interface without its
 * content (see describe-node.ts). The first of a document lists it all (`full`, cause
 * `load`); each later one only what changed: after the page's structure changes and
 * settles (`change`), and before an action when the page changed since the last one
 * (`action`). Each observation is built in idle slices, never in one long task.
 *
 * Boxes that only moved (a scroll, a resize, an image that loaded) are not worth an
 * event of their own: such a result is held, and recorded only if an action comes
 * while it is still current. An action's handler finishes a pending observation if it
 * can within ACTION_BUDGET_MS; if not, the action names the latest observation
 * recorded, and the one being built follows it with cause `action`.
 *
 * Returns the grounding every action observer asks (`Ground`).
 */
export function observeInterface(context: RecorderContext, signal: AbortSignal): Ground {
  const doc = documentId();
  const ids = nodeIds();
  const frozen = new WeakMap<Element, { w: number; h: number }>();
  const mutations = watchMutations(() => changed(true));

  let n = 0;
  let state = new Map<number, Kept>();
  let viewport = { w: 0, h: 0 };
  let truncated = false;
  /** The DOM changed since the last walk began (true until the first). */
  let mutated = true;
  /** Boxes may have moved since the last walk began. */
  let moved = false;
  let job: Job | null = null;
  let held: Outcome | null = null;
  /** What the last walk began with: the terms, and (once it measured) scroll and viewport. */
  let seen: Partial<Pick<RecorderContext, 'captureLevel' | 'words'>> & { job?: Job } = {};
  const timer = settleTimer(
    () => {
      if (!job && recordingHere(context)) begin(n === 0 ? 'load' : 'change');
    },
    SETTLE_MS,
    MAX_WAIT_MS,
  );

  function changed(structure: boolean) {
    if (structure) mutated = true;
    else moved = true;
    held = null;
    schedule();
  }

  function schedule() {
    if (!job && !signal.aborted) timer.poke();
  }

  function begin(cause: Cause): Job {
    const current: Job = Object.assign(
      skeletonJob(context, { idOf: ids.of, onShadowRoot: mutations.watch, frozen }),
      { cause },
    );
    job = current;
    mutated = moved = false;
    seen = { captureLevel: context.captureLevel, words: context.words, job: current };
    mutations.watch(document);
    inIdleSlices((deadline) => {
      if (job !== current) return true;
      // Paused, or on an excluded path: no work; the next change or action starts again.
      if (!recordingHere(context)) {
        job = null;
        mutated = true;
        return true;
      }
      const done = current.step(deadline);
      if (done) finish(current);
      return done;
    }, signal);
    return current;
  }

  function finish(done: Job) {
    job = null;
    timer.notBefore(performance.now() + WORK_SHARE * done.work);
    const outcome: Outcome = {
      ...diffSkeleton(n === 0 ? new Map() : state, done.kept),
      viewport: done.viewport,
      truncated: done.truncated,
    };
    const view = outcome.viewport.w !== viewport.w || outcome.viewport.h !== viewport.h;
    const structural = outcome.structural || outcome.truncated !== truncated;
    const any = outcome.nodes.length > 0 || view;
    held = null;
    if (n === 0 || structural || (done.cause === 'action' && any)) {
      record(outcome, n === 0 ? 'load' : done.cause);
    } else if (any) {
      held = outcome;
    }
    if (mutated || moved) schedule();
  }

  function record(outcome: Outcome, cause: Cause) {
    held = null;
    // Checked again here: the page may have been paused or left while this was built.
    if (!recordingHere(context)) {
      mutated = true;
      return;
    }
    n += 1;
    state = outcome.state;
    viewport = outcome.viewport;
    truncated = outcome.truncated;
    context.emit({
      kind: 'observation',
      t: context.now(),
      frame: context.frame,
      page: context.page(),
      doc,
      n,
      full: n === 1,
      cause,
      viewport,
      nodes: outcome.nodes,
      removed: outcome.removed,
      truncated,
    });
  }

  const ground: Ground = (target, moving = false) => {
    if (signal.aborted) return {};
    if (mutations.takeRecords().length > 0) mutated = true;
    if (seen.captureLevel !== context.captureLevel || seen.words !== context.words) mutated = true;
    // A scroll just before an action has no event yet.
    const measured = seen.job?.view;
    if (measured !== undefined && measured !== viewOf()) moved = true;
    // A walk under way that began before the latest change is out of date: start again.
    if (mutated || (moved && !moving)) begin('action');
    if (job) {
      if (n > 0) job.cause = 'action';
      if (job.step(performance.now() + ACTION_BUDGET_MS)) finish(job);
    } else if (held && !moving) {
      record(held, 'action');
    }
    return n === 0 ? {} : { at: { doc, n, node: groundNode(target, ids.peek, state) } };
  };

  watchMovesAndEdits(
    context,
    signal,
    () => changed(false),
    (element) => {
      if (frozen.has(element)) return;
      // The size readers have, if it was observed; else its size as typing began.
      const { w, h } = state.get(ids.peek(element) ?? 0)?.node.box ?? boxOf(element);
      frozen.set(element, { w, h });
    },
  );
  // The first observation is made as soon as the document is parsed, so early actions
  // have it; later ones wait for the page to settle.
  whenParsed(signal, () => {
    if (!job && n === 0 && recordingHere(context)) begin('load');
    else schedule();
  });
  signal.addEventListener('abort', () => {
    mutations.disconnect();
    timer.cancel();
    job = null;
  });
  return ground;
}

/** One observer of the document's mutations and of each shadow root's the walk enters. */
function watchMutations(onChange: () => void) {
  const watched = new WeakSet<Node>();
  const observer = new MutationObserver(onChange);
  return {
    watch(root: Document | ShadowRoot) {
      if (watched.has(root)) return;
      watched.add(root);
      observer.observe(root, MUTATIONS);
    },
    takeRecords: () => observer.takeRecords(),
    disconnect: () => observer.disconnect(),
  };
}

function whenParsed(signal: AbortSignal, then: () => void) {
  if (document.readyState !== 'loading') then();
  else document.addEventListener('DOMContentLoaded', then, { once: true, signal });
}

/**
 * Calls `onMove` when boxes may have moved without a DOM change (scroll, resize, an
 * image or font that loaded), and `onEdit` on the first trusted input into a field.
 */
function watchMovesAndEdits(
  context: RecorderContext,
  signal: AbortSignal,
  onMove: () => void,
  onEdit: (element: Element) => void,
) {
  const moveListener = (event: Event) => {
    if (event.isTrusted) onMove();
  };
  for (const type of ['scroll', 'resize']) {
    window.addEventListener(type, moveListener, listenerOptions(signal));
  }
  document.addEventListener('load', moveListener, listenerOptions(signal));
  // A field typed into keeps the size it had when typing began: a field that grows with
  // its text would otherwise tell how much was typed.
  window.addEventListener(
    'input',
    (event) => {
      if (!event.isTrusted || !recordingHere(context)) return;
      const element = resolveTarget(event, context.openShadowRoot);
      if (element) onEdit(element);
    },
    listenerOptions(signal),
  );
}
