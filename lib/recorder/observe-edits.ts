import { describeTarget } from './describe-target';
import { fieldKindOf } from './field-kind';
import { isTypedKind } from './is-editable';
import { resolveTarget } from './resolve-target';
import { listenerOptions, type Observer, recordingHere } from './types';
import { watchHand } from './watch-hand';

/**
 * "The volunteer edited field X": one event per focus-and-edit burst, sent on the
 * first input so it survives a submit right after. Later inputs in the same burst
 * are ignored, so neither the length nor the timing of typing can be derived.
 *
 * A burst ends only when the volunteer moves on by their own hand: a pointer press
 * outside the field, or Tab, Enter or Escape (watch-hand.ts). Focus events do not end
 * it, nor does input arriving in another field: a page can fire focus events, move
 * focus from script on every keystroke (trusted focus events), or alternate it between
 * two fields, and would split the burst per key.
 */
export const observeEdits: Observer = (context, signal, ground) => {
  let editing: Element | null = null;
  let left = true;
  watchHand(context, signal, (pressed) => {
    if (editing && pressed && (pressed === editing || editing.contains(pressed))) return;
    left = true;
  });
  window.addEventListener(
    'input',
    (event) => {
      if (!event.isTrusted || !left || !recordingHere(context)) return;
      const element = resolveTarget(event, context.openShadowRoot);
      if (!element || !isTypedKind(fieldKindOf(element, context.passwordsSeen))) return;
      editing = element;
      left = false;
      context.emit({
        kind: 'edit',
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
