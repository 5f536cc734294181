import { buildSelector } from './build-selector';
import { fieldKindOf } from './field-kind';
import { isTypedKind } from './is-editable';
import { type Ground, listenerOptions, type Observer, recordingHere } from './types';

/** Scrolling settles for this long before its final position is recorded. */
export const SCROLL_SETTLE_MS = 250;

/**
 * The final position of each scroll of the page or of a scrolled element, except
 * fields typed into (input, textarea, editable areas), whose scroll follows their text.
 */
export const observeScroll: Observer = (context, signal, ground) => {
  const pending = new Map<EventTarget, ReturnType<typeof setTimeout>>();
  /** Each scroll is grounded in the observation before it began. */
  const grounded = new Map<EventTarget, ReturnType<Ground>>();
  const record = (target: EventTarget) => {
    pending.delete(target);
    const at = grounded.get(target) ?? {};
    grounded.delete(target);
    // The page may have moved to an excluded path, or been paused, while scrolling settled.
    if (!recordingHere(context)) return;
    const isPage =
      target === document || target === document.documentElement || target === document.body;
    const element = target instanceof Element ? target : null;
    if (!isPage && !element) return;
    context.emit({
      kind: 'scroll',
      t: context.now(),
      frame: context.frame,
      page: context.page(),
      ...(isPage || !element ? {} : { target: buildSelector(element, context) }),
      x: Math.round(isPage ? window.scrollX : (element?.scrollLeft ?? 0)),
      y: Math.round(isPage ? window.scrollY : (element?.scrollTop ?? 0)),
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
  // Leaving the page records where each pending scroll ended.
  window.addEventListener(
    'pagehide',
    (event) => {
      if (!event.isTrusted) return;
      for (const [target, timer] of pending) {
        clearTimeout(timer);
        record(target);
      }
    },
    listenerOptions(signal),
  );
  signal.addEventListener('abort', () => {
    for (const timer of pending.values()) clearTimeout(timer);
    pending.clear();
    grounded.clear();
  });
};
