import { ANYWHERE_KEYS, CARET_KEYS, type NamedKey } from '../schema/named-keys';
import { describeTarget } from './describe-target';
import { fieldKindOf } from './field-kind';
import { isMultiline, isTypedKind } from './is-editable';
import { modifiersOf } from './modifiers';
import { resolveTarget } from './resolve-target';
import { listenerOptions, type Observer, recordingHere } from './types';

const ANYWHERE = new Set<string>(ANYWHERE_KEYS);
const CARET = new Set<string>(CARET_KEYS);

/**
 * Named non-character keys and shortcut chords. A key that produces a character is
 * never recorded: not plain letters, not Backspace or Delete, not Enter where it
 * inserts a line break, and not Ctrl+Alt or AltGr combinations inside a field,
 * which type characters on many keyboard layouts. Chords are named by physical key
 * (`event.code`), so layouts cannot smuggle a typed character through.
 */
export const observeKeys: Observer = (context, signal, ground) => {
  window.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || !recordingHere(context) || event.repeat || event.isComposing) return;
      const element = resolveTarget(event, context.openShadowRoot);
      const inField = element !== null && isTypedKind(fieldKindOf(element, context.passwordsSeen));
      const key = recordableKey(event, element, inField);
      if (key === null) return;
      context.emit({
        kind: 'key',
        t: context.now(),
        frame: context.frame,
        page: context.page(),
        ...(element && element !== document.body && element !== document.documentElement
          ? { target: describeTarget(element, context) }
          : {}),
        ...ground(element),
        key: key as NamedKey,
        mods: modifiersOf(event),
      });
    },
    listenerOptions(signal),
  );
};

function recordableKey(
  event: KeyboardEvent,
  element: Element | null,
  inField: boolean,
): string | null {
  if (event.key === 'Enter') return inField && element && isMultiline(element) ? null : 'Enter';
  if (ANYWHERE.has(event.key)) return event.key;
  if (CARET.has(event.key)) return inField ? null : event.key;
  const chord = event.ctrlKey || event.metaKey || (event.altKey && !inField);
  if (!chord || event.getModifierState?.('AltGraph')) return null;
  if (inField && event.ctrlKey && event.altKey) return null;
  const letter = /^Key([A-Z])$/.exec(event.code)?.[1];
  if (letter) return letter.toLowerCase();
  return /^Digit([0-9])$/.exec(event.code)?.[1] ?? null;
}
