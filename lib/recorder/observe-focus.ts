import { describeTarget } from './describe-target';
import { fieldKindOf } from './field-kind';
import { resolveTarget } from './resolve-target';
import { listenerOptions, type Observer, recordingHere } from './types';
import { watchHand } from './watch-hand';

/**
 * Focus moving to a form field, so edits have context: at most one per move of the
 * volunteer's own (a pointer press, Tab, Enter or Escape; see watch-hand.ts), and one
 * when the page loads (autofocus). Focus a page moves from script on every keystroke
 * is not recorded: its count would be the number of keys typed.
 */
export const observeFocus: Observer = (context, signal, ground) => {
  let allowed = true;
  watchHand(context, signal, () => {
    allowed = true;
  });
  window.addEventListener(
    'focusin',
    (event) => {
      if (!event.isTrusted || !allowed || !recordingHere(context)) return;
      const element = resolveTarget(event, context.openShadowRoot);
      if (!element || fieldKindOf(element, context.passwordsSeen) === null) return;
      allowed = false;
      context.emit({
        kind: 'focus',
        t: context.now(),
        frame: context.frame,
        page: context.page(),
        target: describeTarget(element, context),
        ...ground(element),
      });
    },
    listenerOptions(signal),
  );
};
