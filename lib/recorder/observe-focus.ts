import { describeTarget } from './describe-target';
import { fieldKindOf } from './field-kind';
import { resolveTarget } from './resolve-target';
import { listenerOptions, type Observer, recordingHere } from './types';

/** Focus moving to a form field (by click, Tab or script), so edits have context. */
export const observeFocus: Observer = (context, signal) => {
  window.addEventListener(
    'focusin',
    (event) => {
      if (!event.isTrusted || !recordingHere(context)) return;
      const element = resolveTarget(event, context.openShadowRoot);
      if (!element || fieldKindOf(element, context.passwordsSeen) === null) return;
      context.emit({
        kind: 'focus',
        t: context.now(),
        frame: context.frame,
        page: context.page(),
        target: describeTarget(element, context),
      });
    },
    listenerOptions(signal),
  );
};
