import { MAX_OBSERVED_NODES } from '../schema/observation-limits';
import type { Placed } from './describe-node';
import type { Candidate } from './walk-skeleton';

type Viewport = { w: number; h: number };

/**
 * How far a box lies outside the viewport, in viewport sizes along each axis (0 inside).
 * Infinity for a hidden node: it has no place on screen.
 */
export function distance(box: Candidate['box'], hidden: boolean, viewport: Viewport): number {
  if (hidden) return Number.POSITIVE_INFINITY;
  const gap = (start: number, size: number, span: number) =>
    Math.max(0, -(start + size), start - span) / Math.max(span, 1);
  return gap(box.x, box.w, viewport.w) + gap(box.y, box.h, viewport.h);
}

/**
 * Which candidates an observation lists. All of them up to the cap. Over it, only
 * what an agent could act on without a long scroll: nodes that are not hidden and lie
 * in the viewport or within one viewport height above or below it (and one width to
 * either side); if that is still too many, the nearest ones. Each later observation
 * lists what is near the viewport then, so scrolling brings nodes in and takes others
 * out. The result is in document order.
 */
export function chooseNodes(
  candidates: readonly Candidate[],
  /** The candidates within one viewport size of it (distance ≤ 1), in document order. */
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
      box: candidate.box,
      hidden: candidate.hidden,
      interactive: candidate.interactive,
    };
  });
}
