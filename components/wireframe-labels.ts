import type { ObservedNode } from '../lib/schema';
import { depths } from './wireframe-depths';
import { overlaps, type Rect } from './wireframe-geometry';
import { type PartKind, partKind, partLabel } from './wireframe-parts';

// Label placement, apart from the geometry: labels must not cover each other, so which
// parts get one depends on the order they are tried in and the room inside each box.

/** A part's label: where it goes, in page pixels, and what it says. */
export type Label = Rect & { text: string };

/** Which labels are placed first when they would cover each other: the parts one acts on. */
const LABEL_RANK: Record<PartKind, number> = { control: 1, heading: 2, landmark: 3, other: 4 };

/**
 * Labels go inside their box's top-left corner when they fit there without covering
 * another label (the target's first, then controls, headings, landmarks, the innermost
 * first), else the part is left unlabelled: the list of parts names every one.
 */
export function placeLabels(
  inView: readonly ObservedNode[],
  allNodes: readonly ObservedNode[],
  targetNode: ObservedNode | undefined,
  view: Rect,
  unit: number,
  font: number,
): Map<number, Label> {
  const placed: Rect[] = [];
  const labels = new Map<number, Label>();
  // Among parts of a kind, the innermost first: a list item names its corner, and the
  // list around it moves its label to another.
  const depth = depths(allNodes);
  const rank = (node: ObservedNode) => (node === targetNode ? 0 : LABEL_RANK[partKind(node)]);
  const order = [...inView].sort(
    (a, b) => rank(a) - rank(b) || (depth.get(b.id) ?? 0) - (depth.get(a.id) ?? 0),
  );
  for (const node of order) {
    const label = placeLabel(node, node === targetNode, view, unit, font, placed);
    if (label) {
      labels.set(node.id, label);
      placed.push(label);
    }
  }
  return labels;
}

function placeLabel(
  node: ObservedNode,
  isTarget: boolean,
  view: Rect,
  unit: number,
  font: number,
  placed: readonly Rect[],
): Label | null {
  const text = partLabel(node);
  const w = text.length * font * 0.56 + 6 * unit;
  const h = font * 1.35;
  const { box } = node;
  const inside = { x: box.x + 2 * unit, y: box.y + 2 * unit, w, h };
  const roomy = box.h >= h + 3 * unit && box.w >= Math.min(w, 40 * unit);
  const candidates: Rect[] = [];
  if (roomy) {
    candidates.push(inside);
    // A container's label moves to its other corners when a part inside took the first.
    if (box.w >= w * 2) candidates.push({ ...inside, x: box.x + box.w - w - 2 * unit });
    if (box.h >= h * 3) candidates.push({ ...inside, y: box.y + box.h - h - 2 * unit });
  }
  if (isTarget) {
    // The target is always named: above its box, or below it when there is no room above.
    candidates.push({ x: box.x, y: box.y - h - 2 * unit, w, h });
    candidates.push({ x: box.x, y: box.y + box.h + 2 * unit, w, h });
  }
  const fits = (rect: Rect) =>
    rect.y >= view.y &&
    rect.y + rect.h <= view.y + view.h &&
    !placed.some((other) => overlaps(rect, other));
  const spot = candidates.find(fits);
  if (spot) return { ...spot, text };
  return isTarget ? { ...inside, text } : null;
}
