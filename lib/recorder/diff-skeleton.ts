import type { ObservedNode } from '../schema';

/**
 * A node as readers of the observations last saw it, whether one can act on it, and
 * where it was on screen when its box was measured.
 */
export type Kept = { node: ObservedNode; key: string; interactive: boolean; screen: Box };

type Box = ObservedNode['box'];

/**
 * A box is sent again when an edge moved by more than this many CSS pixels since it was
 * last sent: less is scroll jitter and subpixel layout, and an agent clicks near a box's
 * centre anyway. Smaller moves add up until they pass it.
 */
export const BOX_THRESHOLD_PX = 4;

/** Everything of a node but its box (and whether it is fixed), as one string to compare. */
export function keyOf(node: ObservedNode): string {
  const { box: _box, ...rest } = node;
  return JSON.stringify(rest);
}

/** Whether an edge of the box moved beyond the threshold. */
function moved(a: Box, b: Box): boolean {
  return [a.x - b.x, a.y - b.y, a.x + a.w - b.x - b.w, a.y + a.h - b.y - b.h].some(
    (edge) => Math.abs(edge) > BOX_THRESHOLD_PX,
  );
}

const isFixed = (node: ObservedNode) => node.states.includes('fixed');

/**
 * The node as sent when it stays in place on screen: state `fixed`, and its box in the
 * document where the viewport is at this observation's `scroll` (readers move it with
 * the scroll from there, see fold-observations.ts).
 */
function asFixed(kept: Kept, scroll: { x: number; y: number }): Kept {
  const { screen } = kept;
  const box = { x: screen.x + scroll.x, y: screen.y + scroll.y, w: screen.w, h: screen.h };
  return { ...kept, node: { ...kept.node, box, states: [...kept.node.states, 'fixed'] } };
}

/**
 * What changed between the skeleton readers have and the one just walked: every node
 * added or changed, in full (also each one whose ancestor is removed, since removing
 * a node takes its observed descendants with it), boxes that moved beyond the
 * threshold, and the ids removed (only the topmost of a removed subtree). `structural`
 * is false when only boxes moved. `state` is the skeleton readers will have.
 *
 * Boxes are in the document, so a scroll moves none, except those of nodes that stay
 * put on screen: such a node is sent once more, marked `fixed`, and then only when it
 * moves on screen (it is then sent as a node of the page again). `scroll` is where the
 * viewport is at this observation.
 */
export function diffSkeleton(
  previous: ReadonlyMap<number, Kept>,
  next: readonly Kept[],
  scroll: { x: number; y: number } = { x: 0, y: 0 },
) {
  const present = new Set(next.map((kept) => kept.node.id));
  const gone = new Set<number>();
  for (const id of previous.keys()) if (!present.has(id)) gone.add(id);
  const removed = [...gone].filter((id) => !gone.has(previous.get(id)!.node.parent));
  const underGone = (id: number) => {
    for (let p = previous.get(id)?.node.parent; p; p = previous.get(p)?.node.parent) {
      if (gone.has(p)) return true;
    }
    return false;
  };
  const nodes: ObservedNode[] = [];
  const state = new Map<number, Kept>();
  let structural = removed.length > 0;
  const send = (kept: Kept) => {
    nodes.push(kept.node);
    state.set(kept.node.id, kept);
  };
  for (const kept of next) {
    const { id } = kept.node;
    const before = previous.get(id);
    if (!before) {
      structural = true;
      send(kept);
      continue;
    }
    const wasFixed = isFixed(before.node);
    const onScreen = !moved(before.screen, kept.screen);
    const inDocument = !moved(before.node.box, kept.node.box);
    const fixed = onScreen && (wasFixed || !inDocument);
    const changed = before.key !== kept.key || (gone.size > 0 && underGone(id));
    if (changed) structural = true;
    if (changed || fixed !== wasFixed || !(wasFixed ? onScreen : inDocument)) {
      send(fixed ? asFixed(kept, scroll) : kept);
    } else {
      state.set(id, before);
    }
  }
  return { nodes, removed, structural, state };
}
