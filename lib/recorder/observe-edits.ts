import { describeTarget } from './describe-target';
import { fieldKindOf } from './field-kind';
import { isTypedKind } from './is-editable';
import { resolveTarget } from './resolve-target';
import { listenerOptions, type Observer, recordingHere } from './types';

/**
 * "The volunteer edited field X": one event per focus-and-edit burst, sent on the
 * first input so it survives a submit right after. Later inputs in the same burst
 * are ignored, so neither the length nor the timing of typing can be derived.
 *
 * A burst ends when the volunteer edits another field, or leaves this one by their own
 * hand: a press of the pointer outside it, or Tab. Focus events do not end it: a page
 * can fire them, synthetic or (by blurring and refocusing the field from script on
 * every keystroke) trusted, and would split the burst per key.
 */
export const observeEdits: Observer = (context, signal) => {
  let editing: Element | null = null;
  let left = false;
  window.addEventListener(
    'input',
    (event) => {
      if (!event.isTrusted || !recordingHere(context)) return;
      const element = resolveTarget(event, context.openShadowRoot);
      if (!element || (element === editing && !left)) return;
      if (!isTypedKind(fieldKindOf(element, context.passwordsSeen))) return;
      editing = element;
      left = false;
      context.emit({
        kind: 'edit',
        t: context.now(),
        frame: context.frame,
        page: context.page(),
        target: describeTarget(element, context),
      });
    },
    listenerOptions(signal),
  );
  const onLeave = (event: Event) => {
    if (!event.isTrusted || !editing || left) return;
    if (event.type === 'keydown' ? (event as KeyboardEvent).key === 'Tab' : !inEditing(event)) {
      left = true;
    }
  };
  const inEditing = (event: Event) => {
    const target = resolveTarget(event, context.openShadowRoot);
    return target !== null && editing !== null && (target === editing || editing.contains(target));
  };
  window.addEventListener('pointerdown', onLeave, listenerOptions(signal));
  window.addEventListener('keydown', onLeave, listenerOptions(signal));
};
