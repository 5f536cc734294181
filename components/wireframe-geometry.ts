import type { EpisodeObservation, ObservedNode } from '../lib/schema';

// The geometry of the drawing, apart from what is drawn in it: which area of the page is
// shown, and how big a screen pixel is in page pixels, so that strokes and labels keep
// one size whatever the page's.

export type Rect = { x: number; y: number; w: number; h: number };

/** The width, in pixels on screen, the drawing's labels are sized for. */
const DRAWN_WIDTH = 680;
const LABEL_PX = 11;

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The parts that can be drawn at all: shown, and with a box. */
export function drawableNodes(observation: EpisodeObservation): ObservedNode[] {
  return observation.nodes.filter(
    (node) => node.box.w > 0 && node.box.h > 0 && !node.states.includes('hidden'),
  );
}

/**
 * The area drawn: the viewport and what lies around it (at most half a screen above, a
 * screen below, a quarter to each side, and the target wherever it is), with a margin.
 */
export function drawnArea(
  viewport: Rect,
  drawable: readonly ObservedNode[],
  targetNode: ObservedNode | undefined,
): Rect {
  const { x: vx, y: vy, w: vw, h: vh } = viewport;
  let [left, top, right, bottom] = [vx, vy, vx + vw, vy + vh];
  for (const { box } of drawable) {
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.w);
    bottom = Math.max(bottom, box.y + box.h);
  }
  [left, top, right, bottom] = [
    Math.max(left, vx - vw / 4),
    Math.max(top, vy - vh / 2),
    Math.min(right, vx + vw * 1.25),
    Math.min(bottom, vy + vh * 2),
  ];
  if (targetNode) {
    const { box } = targetNode;
    [left, top] = [Math.min(left, box.x), Math.min(top, box.y)];
    [right, bottom] = [Math.max(right, box.x + box.w), Math.max(bottom, box.y + box.h)];
  }
  const pad = Math.round((right - left) * 0.012);
  return {
    x: left - pad,
    y: top - pad,
    w: right - left + 2 * pad,
    h: bottom - top + 2 * pad,
  };
}

/** Page pixels per pixel on screen, and the labels' font size, in page pixels. */
export function drawnScale(view: Rect): { unit: number; font: number } {
  const unit = view.w / DRAWN_WIDTH;
  return { unit, font: LABEL_PX * unit };
}
