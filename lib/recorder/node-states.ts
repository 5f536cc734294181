import type { ObservedState } from '../schema';
import { isEditingHost } from './skeleton-kind';

/** Elements focusable by nature (links and areas only with a destination). */
const FOCUSABLE = new Set(['button', 'input', 'select', 'textarea', 'summary', 'iframe']);

function matches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    // A browser without the pseudo-class (`:modal` is recent).
    return false;
  }
}

/**
 * The states of an element that are not values, from attributes and pseudo-classes
 * that do not depend on what was typed or chosen: never `:checked`, `:invalid`,
 * `aria-checked`, `aria-selected` or `aria-pressed`. In the schema's order.
 */
export function nodeStates(element: Element, hidden: boolean): ObservedState[] {
  const aria = (name: string) => element.getAttribute(`aria-${name}`)?.trim().toLowerCase();
  const tag = element.localName;
  const disabled = matches(element, ':disabled') || aria('disabled') === 'true';
  // A disclosure's summary is expanded when its `<details>` is open.
  const details = tag === 'summary' ? element.parentElement : null;
  const expanded =
    aria('expanded') ??
    (details?.localName === 'details' ? String(details.hasAttribute('open')) : null);
  const invalid = aria('invalid');
  const states: [ObservedState, boolean][] = [
    ['disabled', disabled],
    ['expanded', expanded === 'true'],
    ['collapsed', expanded === 'false'],
    ['required', (element as HTMLInputElement).required === true || aria('required') === 'true'],
    [
      'focusable',
      !disabled &&
        !hidden &&
        (FOCUSABLE.has(tag) ||
          ((tag === 'a' || tag === 'area') && element.hasAttribute('href')) ||
          element.hasAttribute('tabindex') ||
          isEditingHost(element)),
    ],
    ['hidden', hidden],
    ['invalid', !!invalid && invalid !== 'false'],
    ['modal', aria('modal') === 'true' || matches(element, ':modal')],
  ];
  return states.filter(([, on]) => on).map(([state]) => state);
}
