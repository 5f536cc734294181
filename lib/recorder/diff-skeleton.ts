import type { ObservedNode } from '../schema';

/** A node as readers of the observations last saw it, and whether one can act on it. */
export type Kept = { node: ObservedNode; key: string; interactive: boolean };

/**
 * A box is sent again when an edge moved by more than this many CSS pixels since it was
 * last sent: less is scroll jitter and subpixel layout, and an agent clicks near a box's
 * centre anyway. Smaller moves add up until they pass it.
 */
export const BOX_THRESHOLD_PX = 4;

/** Everything of a node but its box, as one string to compare. */
export function keyOf(node: ObservedNode): string {
  const { box: _box, ...rest } = node;
  return JSON.stringify(rest);
}

/** Whether an edge of the box moved beyond the threshold. */
function moved(a: ObservedNode['box'], b: ObservedNode['box']): boolean {
  return [a.x - b.x, a.y - b.y, a.x + a.w - b.x - b.w, a.y + a.h - b.y - b.h].some(
    (edge) => Math.abs(edge) > BOX_THRESHOLD_PX,
  );
}

/**
 * What changed between the skeleton readers have and the one just walked: every node
 * added or changed, in full (also each one whose ancestor is removed, since removing
 * a node takes its observed descendants with it), boxes that moved beyond the
 * threshold, and the ids removed (only the topmost of a removed subtree). `structural`
 * is false when only boxes moved. `state` is the skeleton readers will have.
 */
export function diffSkeleton(previous: ReadonlyMap<number, Kept>, next: readonly Kept[]) {
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
  for (const kept of next) {
    const { id } = kept.node;
    const before = previous.get(id);
    if (!before || before.key !== kept.key || (gone.size > 0 && underGone(id))) {
      structural = true;
      nodes.push(kept.node);
      state.set(id, kept);
    } else if (moved(before.node.box, kept.node.box)) {
      nodes.push(kept.node);
      state.set(id, kept);
    } else {
      state.set(id, before);
    }
  }
  return { nodes, removed, structural, state };
}
