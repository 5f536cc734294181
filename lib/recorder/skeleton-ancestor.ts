import { flatParent } from './flat-parent';
import { INTERACTIVE, NOT_OBSERVED, skeletonKind } from './skeleton-kind';

/**
 * The element an observation lists for an action's target, found without one: the
 * target if it is part of the skeleton, else its nearest skeleton ancestor in the flat
 * tree if that is something to act on (as `groundNode` finds it in an observation), else
 * null. Reads attributes only, never layout, so an action's handler can afford it.
 */
export function skeletonAncestor(target: Element | null): Element | null {
  let element = target;
  for (let depth = 0; element && depth < 64; depth++) {
    const kind = skeletonKind(element);
    if (kind !== NOT_OBSERVED) return element === target || kind === INTERACTIVE ? element : null;
    element = flatParent(element);
  }
  return null;
}
