import { MAX_OBSERVED_NODES } from '../schema/observation-limits';
import type { Placed } from './describe-node';
import type { Candidate } from './walk-skeleton';

/** The viewport in document coordinates: where the frame is scrolled, and its size. */
export type View = { x: number; y: number; w: number; h: number };

/**
 * How far a box (document coordinates) lies outside the viewport, in viewport sizes
 * along each axis (0 inside). Infinity for a hidden node: it has no place on screen.
 */
export function distance(box: View, hidden: boolean, view: View): number {
  if (hidden) return Number.POSITIVE_INFINITY;
  return gap(box.x - view.x, box.w, view.w) + gap(box.y - view.y, box.h, view.h);
}

/** How far a span starting at `start` (from the viewport's edge) lies outside `span`. */
function gap(start: number, size: number, span: number): number {
  return Math.max(0, -(start + size), start - span) / Math.max(span, 1);
}

/**
 * How far outside the viewport (in viewport sizes, see `distance`) a page over the cap
 * still lists nodes: a quarter of a screen, what a short scroll brings in. Each node
 * listed costs bytes in every trace, and an agent acts on what is on screen.
 */
export const NEAR_VIEWPORT = 0.25;

/**
 * Which candidates an observation lists. All of them up to the cap. Over it, what an
 * agent could act on without a long scroll, and what readers already have: nodes that
 * lie in the viewport or within NEAR_VIEWPORT of it, and nodes listed before that are
 * still in the page (scrolling back costs nothing); if that is still too many, the
 * nearest ones. So scrolling brings nodes in, and only the cap or the page takes them
 * out. The result is in document order.
 */
export function chooseNodes(
  candidates: readonly Candidate[],
  /** The candidates near the viewport or listed before, in document order. */
  near: number[],
  cap = MAX_OBSERVED_NODES,
): { chosen: number[]; truncated: boolean } {
  if (candidates.length <= cap) return { chosen: candidates.map((_, i) => i), truncated: false };
  if (near.length > cap) {
    near.sort((a, b) => candidates[a]!.distance - candidates[b]!.distance || a - b);
    near.length = cap;
    near.sort((a, b) => a - b);
  }
  return { chosen: near, truncated: true };
}

/**
 * Each chosen candidate's id, its nearest listed ancestor (`parent`, 0 for none) and
 * the listed sibling before it under that parent (`after`, 0 for the first).
 */
export function placeNodes(
  candidates: readonly Candidate[],
  chosen: readonly number[],
  idOf: (element: Element) => number,
): Placed[] {
  const listed = new Map<number, number>();
  for (const index of chosen) listed.set(index, idOf(candidates[index]!.element));
  const lastChild = new Map<number, number>();
  return chosen.map((index) => {
    const candidate = candidates[index]!;
    let ancestor = candidate.parent;
    while (ancestor >= 0 && !listed.has(ancestor)) ancestor = candidates[ancestor]!.parent;
    const id = listed.get(index)!;
    const parent = ancestor >= 0 ? listed.get(ancestor)! : 0;
    const after = lastChild.get(parent) ?? 0;
    lastChild.set(parent, id);
    return {
      id,
      parent,
      after,
      box: { x: candidate.x, y: candidate.y, w: candidate.w, h: candidate.h },
      screen: { x: candidate.sx, y: candidate.sy },
      hidden: candidate.hidden,
      interactive: candidate.interactive,
    };
  });
}
