import type { Box } from './find-target';
import type { PlannedStep } from './plan-episode';

/** What the page is searched for: the recorded selector, then the observed node. */
export type TargetQuery = {
  selector: string | null;
  /** Selectors of the shadow hosts around the target, outermost first. */
  shadow: string[];
  tag: string | null;
  role: string | null;
  /** Where the node stands among the observation's nodes of its tag and role, and how many there are. */
  ordinal: number | null;
  count: number | null;
  box: Box | null;
};

/**
 * The query for a step's target. The position among nodes of the same tag and role
 * counts only when the observation lists the whole page (not `truncated`).
 */
export function targetQuery(step: PlannedStep): TargetQuery {
  const { action, node, observation } = step;
  let ordinal: number | null = null;
  let count: number | null = null;
  if (node && observation && !observation.truncated) {
    const same = observation.nodes.filter(
      (each) => each.tag === node.tag && each.role === node.role,
    );
    ordinal = same.indexOf(node);
    count = same.length;
  }
  return {
    selector: action.selector,
    shadow: action.shadow ?? [],
    tag: node?.tag ?? null,
    role: node?.role ?? action.role,
    ordinal,
    count,
    // The action's box is the target's place on screen; an observed node's is its place
    // in the document, where the viewport was at the observation's scroll.
    box: action.box ?? (node && observation ? onScreen(node.box, observation.scroll) : null),
  };
}

function onScreen(box: Box, scroll: { x: number; y: number }): Box {
  return { ...box, x: box.x - scroll.x, y: box.y - scroll.y };
}

/** Whether a step acts on an element (and so has a target to find). */
export function hasTarget(step: PlannedStep): boolean {
  const { action } = step;
  if (action.type === 'click' || action.type === 'type' || action.type === 'select') return true;
  return action.type === 'scroll' && (action.selector !== null || action.node !== null);
}
