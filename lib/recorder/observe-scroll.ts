import { buildSelector } from './build-selector';
import { fieldKindOf } from './field-kind';
import { isTypedKind } from './is-editable';
import { type Ground, listenerOptions, type Observer, recordingHere } from './types';

/** Scrolling settles for this long before its final position is recorded. */
export const SCROLL_SETTLE_MS = 250;

/**
 * The final position of each scroll of the page or of a scrolled element, except
 * fields typed into (input, textarea, editable areas), whose scroll follows their text.
 *
 * A scroll is recorded once it settles, or at once when `flush` is called: the recorder
 * calls it before it records what the volunteer did next (start-recorder.ts), so the
 * trace keeps the order things happened in. That includes a move of the page whose scroll event has not
 * come yet: the browser sends it with the next frame, after a click that comes at once
 * (an automated click scrolls its target into view first). Recorded after the click,
 * such a scroll would be replayed after it, perhaps on the page the click left for.
 */
export function scrollObserver(): { observe: Observer; flush: () => void } {
  let flush = () => {};
  const observe: Observer = (context, signal, ground) => {
    flush = observeScroll(context, signal, ground);
    signal.addEventListener('abort', () => {
      flush = () => {};
    });
  };
  return { observe, flush: () => flush() };
}

type Position = { x: number; y: number };
const TOP: Position = { x: 0, y: 0 };

const isPageTarget = (target: EventTarget) =>
  target === document || target === document.documentElement || target === document.body;

function positionOf(target: EventTarget): Position {
  if (isPageTarget(target)) return { x: Math.round(window.scrollX), y: Math.round(window.scrollY) };
  const element = target as Element;
  return { x: Math.round(element.scrollLeft), y: Math.round(element.scrollTop) };
}

/** Starts observing scrolls; returns what records every pending one now. */
function observeScroll(...[context, signal, ground]: Parameters<Observer>): () => void {
  const pending = new Map<EventTarget, ReturnType<typeof setTimeout>>();
  /** Each scroll is grounded in the observation before it began. */
  const grounded = new Map<EventTarget, ReturnType<Ground>>();
  /** Where the page was last recorded (a document starts at the top). */
  let page: Position = TOP;
  /** A move of the page recorded before its event came: that event is not recorded again. */
  let ahead: Position | null = null;
  const record = (target: EventTarget) => {
    pending.delete(target);
    const at = grounded.get(target) ?? {};
    grounded.delete(target);
    // The page may have moved to an excluded path, or been paused, while scrolling settled.
    if (!recordingHere(context)) return;
    const isPage = isPageTarget(target);
    const element = target instanceof Element ? target : null;
    if (!isPage && !element) return;
    const position = positionOf(target);
    if (isPage) {
      const early = ahead;
      ahead = null;
      if (early && early.x === position.x && early.y === position.y) return;
      page = position;
    }
    context.emit({
      kind: 'scroll',
      t: context.now(),
      frame: context.frame,
      page: context.page(),
      ...(isPage || !element ? {} : { target: buildSelector(element, context) }),
      ...position,
      ...at,
    });
  };
  window.addEventListener(
    'scroll',
    (event) => {
      if (!event.isTrusted || !recordingHere(context)) return;
      const target = event.composedPath()[0] ?? event.target;
      // A field typed into scrolls as its text grows: its position would tell the length.
      if (
        !target ||
        (target instanceof Element && isTypedKind(fieldKindOf(target, context.passwordsSeen)))
      )
        return;
      const element = target instanceof Element ? target : null;
      if (!pending.has(target) && (element || target === document)) {
        grounded.set(target, ground(element, true));
      }
      clearTimeout(pending.get(target));
      pending.set(
        target,
        setTimeout(() => record(target), SCROLL_SETTLE_MS),
      );
    },
    listenerOptions(signal),
  );
  const recordPending = () => {
    for (const [target, timer] of pending) {
      clearTimeout(timer);
      record(target);
    }
    // The page moved, and its scroll event is still to come: record the move now, before
    // what follows it; its event, when it comes, finds it recorded.
    const now = positionOf(document);
    if ((now.x !== page.x || now.y !== page.y) && recordingHere(context)) {
      grounded.set(document, ground(null, true));
      record(document);
      ahead = now;
    }
  };
  // Leaving the page records where each pending scroll ended.
  window.addEventListener(
    'pagehide',
    (event) => {
      if (event.isTrusted) recordPending();
    },
    listenerOptions(signal),
  );
  signal.addEventListener('abort', () => {
    for (const timer of pending.values()) clearTimeout(timer);
    pending.clear();
    grounded.clear();
  });
  return recordPending;
}
