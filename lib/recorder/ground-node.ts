import type { Kept } from './diff-skeleton';
import { flatParent } from './flat-parent';

/**
 * The node an action's target is in an observation: the target itself when it is
 * listed; else its nearest listed ancestor, in the flat tree, if that is something to
 * act on (the button around an icon, a focusable card around its text); else null (plain
 * text in a list item is not the item).
 */
export function groundNode(
  target: Element | null,
  idOf: (element: Element) => number | undefined,
  listed: ReadonlyMap<number, Kept>,
): number | null {
  let element = target;
  for (let depth = 0; element && depth < 64; depth++) {
    const kept = listed.get(idOf(element) ?? 0);
    if (kept) return element === target || kept.interactive ? kept.node.id : null;
    element = flatParent(element);
  }
  return null;
}
