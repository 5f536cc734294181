import { resolveTarget } from './resolve-target';
import { listenerOptions, type RecorderContext } from './types';

/** Keys that move focus on their own; character keys do not count. */
const FOCUS_KEYS = new Set(['Tab', 'Enter', 'Escape']);

/**
 * Calls `onMove` for each move of the volunteer's own that may take focus elsewhere: a
 * pointer press (with what it pressed) or Tab, Enter or Escape. A page cannot fake these
 * (they must be trusted), while it can move focus from script on every keystroke, which
 * would otherwise reveal how many keys were typed.
 */
export function watchHand(
  context: Pick<RecorderContext, 'openShadowRoot'>,
  signal: AbortSignal,
  onMove: (pressed: Element | null) => void,
): void {
  const listener = (event: Event) => {
    if (!event.isTrusted) return;
    if (event.type === 'keydown' && !FOCUS_KEYS.has((event as KeyboardEvent).key)) return;
    onMove(event.type === 'pointerdown' ? resolveTarget(event, context.openShadowRoot) : null);
  };
  window.addEventListener('pointerdown', listener, listenerOptions(signal));
  window.addEventListener('keydown', listener, listenerOptions(signal));
}
