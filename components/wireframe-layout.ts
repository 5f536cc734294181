import type { EpisodeObservation, ObservedNode } from '../lib/schema';
import { drawableNodes, drawnArea, drawnScale, overlaps, type Rect } from './wireframe-geometry';
import { type Label, placeLabels } from './wireframe-labels';
import { type PartKind, partKind } from './wireframe-parts';

// Puts the geometry and the label placement together into the one object the drawing
// renders, so that the component does no arithmetic of its own.

export type DrawnPart = {
  node: ObservedNode;
  kind: PartKind;
  label: Label | null;
};

export type Layout = {
  /** The area drawn, in the page's CSS pixels relative to the document. */
  view: Rect;
  viewport: Rect;
  /** Page pixels per pixel on screen, at the width the drawing is meant for. */
  unit: number;
  font: number;
  parts: DrawnPart[];
  /** Parts not drawn: hidden, without a box, or wholly outside the area drawn. */
  undrawn: number;
};

/**
 * Where each part goes: the area drawn (see `drawnArea`), the parts that lie in it, and
 * their labels where they fit (see `placeLabels`).
 */
export function layoutWireframe(observation: EpisodeObservation, target: number | null): Layout {
  const vw = observation.viewport.w || 1280;
  const vh = observation.viewport.h || 720;
  const drawable = drawableNodes(observation);
  const targetNode = drawable.find((node) => node.id === target);
  const viewport = { ...observation.scroll, w: vw, h: vh };
  const view = drawnArea(viewport, drawable, targetNode);
  const { unit, font } = drawnScale(view);
  const inView = drawable.filter((node) => overlaps(node.box, view));
  const labels = placeLabels(inView, observation.nodes, targetNode, view, unit, font);
  return {
    view,
    viewport,
    unit,
    font,
    parts: inView.map((node) => ({
      node,
      kind: partKind(node),
      label: labels.get(node.id) ?? null,
    })),
    undrawn: observation.nodes.length - inView.length,
  };
}
