import { documentId } from './document-id';
import { groundNode } from './ground-node';
import { inIdleSlices } from './idle-slices';
import { layoutWatch } from './layout-watch';
import { nodeIds } from './node-ids';
import { type Cause, type Outcome, observationLog } from './observation-log';
import { resolveTarget } from './resolve-target';
import { settleTimer } from './settle-timer';
import { skeletonAncestor } from './skeleton-ancestor';
import { skeletonJob } from './skeleton-job';
import { type Ground, listenerOptions, type RecorderContext, recordingHere } from './types';

/** The page must be quiet this long after a change before it is observed again. */
export const SETTLE_MS = 300;
/** A page that never settles is still observed this long after its first change. */
export const MAX_WAIT_MS = 2_000;
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

type Job = ReturnType<typeof skeletonJob>;

/**
 * Observations: what the page offered, as a skeleton of its interface without its
 * content (see describe-node.ts). The first of a document lists it all (`full`, cause
 * `load`); each later one only what changed: after the page's structure changes and
 * settles (`change`), and right after an action taken on a page that changed since the
 * last one (`action`). Each observation is built in idle slices, never in one long task,
 * and never in an action's own handler: an input event costs the page no walk at all.
 *
 * An action names the latest observation recorded and its target's node there. A page
 * usually settles and is observed long before it is acted on; when an action comes
 * before that (within SETTLE_MS of a change, or before a large page's walk is done), the
 * next observation is made at once, with cause `action`. If the latest one lacks the
 * target (the page just added it), the action names that next one instead, and the node
 * its target will have there, given now; its walk lists the target even over the cap.
 * So does an action before the first observation of a document (n 1). Such an action
 * comes before the observation it names in the trace.
 *
 * Boxes are in document coordinates, so scrolling moves none but fixed and sticky
 * ones. Boxes that only moved (a resize, an image that loaded, a sticky header) are not
 * worth an event of their own: such a result is held, and recorded only if an action
 * comes while it is still current.
 *
 * Returns the grounding every action observer asks (`Ground`).
 */
export function observeInterface(context: RecorderContext, signal: AbortSignal): Ground {
  const doc = documentId();
  const ids = nodeIds();
  const frozen = new WeakMap<Element, { w: number; h: number }>();
  const wanted = new Set<Element>();
  const layout = layoutWatch(signal);
  const mutations = watchMutations(() => {
    layout.invalidate();
    changed(true);
  });

  const log = observationLog(context, doc);
  /** The DOM changed since the last walk began (true until the first). */
  let mutated = true;
  /** Boxes may have moved since the last walk began. */
  let moved = false;
  /** An action came on a page that changed: the next result is recorded whatever it holds. */
  let acted = false;
  let job: Job | null = null;
  let held: Outcome | null = null;
  /** The terms the last walk began with. */
  let seen: Partial<Pick<RecorderContext, 'captureLevel' | 'words'>> = {};
  const timer = settleTimer(
    () => {
      if (!job && recordingHere(context)) begin();
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

  function begin(): Job {
    const current: Job = skeletonJob(context, {
      idOf: ids.of,
      onShadowRoot: mutations.watch,
      frozen,
      wanted,
      listed: (element) => log.state.has(ids.peek(element) ?? 0),
    });
    job = current;
    mutated = moved = false;
    seen = { captureLevel: context.captureLevel, words: context.words };
    mutations.watch(document);
    inIdleSlices((deadline) => {
      if (job !== current) return true;
      // Paused, or on an excluded path: no work; the next change or action starts again.
      if (!recordingHere(context)) {
        job = null;
        mutated = true;
        return true;
      }
      // Measuring a page its own code just changed would lay it out in this task: wait
      // for the browser's next frame, which lays it out anyway.
      if (!layout.clean()) return false;
      const done = current.step(deadline);
      if (done) finish(current);
      return done;
    }, signal);
    return current;
  }

  function finish(done: Job) {
    job = null;
    timer.notBefore(performance.now() + WORK_SHARE * done.work);
    const outcome = log.outcome(done);
    held = null;
    if (log.n === 0) record(outcome, 'load');
    else if (outcome.structural || (acted && outcome.any)) {
      record(outcome, acted ? 'action' : 'change');
    } else if (outcome.any) held = outcome;
    if (mutated || moved) schedule();
  }

  function record(outcome: Outcome, cause: Cause) {
    held = null;
    acted = false;
    // Checked again here: the page may have been paused or left while this was built.
    if (!recordingHere(context)) {
      mutated = true;
      return;
    }
    wanted.clear();
    log.record(outcome, cause);
  }

  const ground: Ground = (target, moving = false) => {
    if (signal.aborted) return {};
    // An action changes focus, hover and the page's own state: styles and layout are
    // out of date until the next frame, whether or not the DOM changed yet.
    layout.invalidate();
    if (mutations.takeRecords().length > 0) mutated = true;
    if (seen.captureLevel !== context.captureLevel || seen.words !== context.words) mutated = true;
    if (log.n === 0) return { at: { doc, n: 1, node: nodeToCome(target) } };
    if (held && !moving && !mutated) record(held, 'action');
    const node = groundNode(target, ids.peek, log.state);
    if (!(mutated || job || (moved && !moving))) return { at: { doc, n: log.n, node } };
    // The page changed since the latest observation: the next is made now, for this action.
    acted = true;
    if (node === null && !moving) {
      // A target the page added since is named in that next observation.
      const coming = nodeToCome(target);
      if (coming !== null) return { at: { doc, n: log.n + 1, node: coming } };
    }
    if (!job) timer.soon();
    return { at: { doc, n: log.n, node } };
  };

  /**
   * The node an action's target will have in the observation being made (or made now,
   * without waiting for the page to settle): the nearest element of the skeleton around
   * it, if it is the target or something to act on, with its id given now and its
   * listing ensured (see `wanted`). A walk that began before the page's latest change
   * begins again, so that it finds the target.
   */
  function nodeToCome(target: Element | null): number | null {
    const element = skeletonAncestor(target);
    if (!element || !recordingHere(context)) return null;
    wanted.add(element);
    held = null;
    if (!job || mutated) begin();
    return ids.of(element);
  }

  watchMovesAndEdits(
    context,
    signal,
    () => {
      layout.invalidate();
      changed(false);
    },
    (element) => {
      if (frozen.has(element)) return;
      // The size readers have, if it was observed; else its size as typing began.
      const box = log.state.get(ids.peek(element) ?? 0)?.node.box;
      const rect = box ? { width: box.w, height: box.h } : element.getBoundingClientRect();
      frozen.set(element, { w: Math.round(rect.width), h: Math.round(rect.height) });
    },
  );
  // The first observation is made as soon as the document is parsed, so early actions
  // have it; later ones wait for the page to settle.
  whenParsed(signal, () => {
    if (!job && log.n === 0 && recordingHere(context)) begin();
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
