import { describeTarget } from './describe-target';
import { fieldKindOf } from './field-kind';
import { isTypedKind } from './is-editable';
import { resolveTarget } from './resolve-target';
import { listenerOptions, type Observer, recordingHere } from './types';

/**
 * That a picked field changed (select, checkbox, radio, file, range, color, date…),
 * never to what. Typed fields also fire `change` on blur; their edit is already recorded.
 */
export const observeChanges: Observer = (context, signal, ground) => {
  window.addEventListener(
    'change',
    (event) => {
      if (!event.isTrusted || !recordingHere(context)) return;
      const element = resolveTarget(event, context.openShadowRoot);
      if (!element) return;
      const kind = fieldKindOf(element, context.passwordsSeen);
      if (kind === null || isTypedKind(kind)) return;
      context.emit({
        kind: 'change',
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
