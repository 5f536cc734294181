import type { FieldKind } from '../schema';
import { describeTarget } from './describe-target';
import { fieldKindOf } from './field-kind';
import { listenerOptions, type Observer, recordingHere } from './types';

/** A form submitted: its descriptor and how many fields of each kind it has. */
export const observeSubmits: Observer = (context, signal, ground) => {
  window.addEventListener(
    'submit',
    (event) => {
      if (!event.isTrusted || !recordingHere(context)) return;
      const form = event.composedPath()[0];
      if (!(form instanceof HTMLFormElement)) return;
      const fields: Partial<Record<FieldKind, number>> = {};
      for (const element of Array.from(form.elements)) {
        const kind = fieldKindOf(element, context.passwordsSeen);
        if (kind) fields[kind] = (fields[kind] ?? 0) + 1;
      }
      context.emit({
        kind: 'submit',
        t: context.now(),
        frame: context.frame,
        page: context.page(),
        target: describeTarget(form, context),
        ...ground(form),
        fields,
      });
    },
    listenerOptions(signal),
  );
};
