import { describeTarget } from './describe-target';
import { fieldKindOf } from './field-kind';
import { isTypedKind } from './is-editable';
import { resolveTarget } from './resolve-target';
import { listenerOptions, type Observer } from './types';

/**
 * "The volunteer edited field X": one event per focus-and-edit burst, sent on the
 * first input so it survives a submit right after. Later inputs in the same burst
 * are ignored, so neither the length nor the timing of typing can be derived.
 */
export const observeEdits: Observer = (context, signal) => {
  let editing: Element | null = null;
  window.addEventListener(
    'input',
    (event) => {
      if (!event.isTrusted) return;
      const element = resolveTarget(event, context.openShadowRoot);
      if (!element || element === editing) return;
      if (!isTypedKind(fieldKindOf(element, context.passwordsSeen))) return;
      editing = element;
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
  window.addEventListener(
    'focusin',
    (event) => {
      if (resolveTarget(event, context.openShadowRoot) !== editing) editing = null;
    },
    listenerOptions(signal),
  );
  window.addEventListener(
    'focusout',
    (event) => {
      if (resolveTarget(event, context.openShadowRoot) === editing) editing = null;
    },
    listenerOptions(signal),
  );
};
