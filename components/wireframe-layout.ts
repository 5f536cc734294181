import type { EpisodeObservation, ObservedNode } from '../lib/schema';

/** How a part is drawn: its colour says what kind of part it is. */
export type PartKind = 'landmark' | 'heading' | 'control' | 'other';

const LANDMARKS = new Set([
  'banner',
  'navigation',
  'main',
  'contentinfo',
  'complementary',
  'region',
  'form',
  'search',
  'dialog',
  'alertdialog',
]);
const CONTROLS = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'checkbox',
  'radio',
  'combobox',
  'listbox',
  'option',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'tab',
  'switch',
  'slider',
  'spinbutton',
]);
const CONTROL_TAGS = new Set(['a', 'button', 'input', 'select', 'textarea', 'summary']);

export function partKind(node: ObservedNode): PartKind {
  if (node.role === 'heading' || /^h[1-6]$/.test(node.tag)) return 'heading';
  if (node.field || (node.role ? CONTROLS.has(node.role) : CONTROL_TAGS.has(node.tag))) {
    return 'control';
  }
  if (node.role && LANDMARKS.has(node.role)) return 'landmark';
  return 'other';
}

/** "button", "heading 2", "email field": what a part is, from its role, or its tag. */
export function partNoun(node: ObservedNode): string {
  if (node.field) return `${node.field.replace(/-/g, ' ')} field`;
  const noun = (node.role ?? node.tag).replace(/-/g, ' ');
  return node.level ? `${noun} ${node.level}` : noun;
}

/** The part as the drawing labels it: its noun, and its name when one was recorded. */
export function partLabel(node: ObservedNode, room = 28): string {
  const noun = partNoun(node);
  if (!node.name) return noun;
  const name = node.name.length > room ? `${node.name.slice(0, room - 1)}…` : node.name;
  return `${noun} “${name}”`;
}

export type Rect = { x: number; y: number; w: number; h: number };
export type DrawnPart = {
  node: ObservedNode;
  kind: PartKind;
  label: (Rect & { text: string }) | null;
};

export type Layout = {
  /** The area drawn, in the page's CSS pixels relative to the viewport. */
  view: Rect;
  viewport: Rect;
  /** Page pixels per pixel on screen, at the width the drawing is meant for. */
  unit: number;
  font: number;
  parts: DrawnPart[];
  /** Parts not drawn: hidden, without a box, or wholly outside the area drawn. */
  undrawn: number;
};

/** Which labels are placed first when they would cover each other: the parts one acts on. */
const LABEL_RANK: Record<PartKind, number> = { control: 1, heading: 2, landmark: 3, other: 4 };

/** The width, in pixels on screen, the drawing's labels are sized for. */
const DRAWN_WIDTH = 680;
const LABEL_PX = 11;

/**
 * Where each part goes: the area drawn is the viewport and what lies around it (at
 * most half a screen above, a screen below, a quarter to each side, and the target
 * wherever it is); labels go inside their box's top-left corner when they fit there
 * without covering another label (the target's first, then controls, headings, landmarks,
 * the innermost first), else the part is left unlabelled: the list of parts names every one.
 */
export function layoutWireframe(observation: EpisodeObservation, target: number | null): Layout {
  const vw = observation.viewport.w || 1280;
  const vh = observation.viewport.h || 720;
  const drawable = observation.nodes.filter(
    (node) => node.box.w > 0 && node.box.h > 0 && !node.states.includes('hidden'),
  );
  let [left, top, right, bottom] = [0, 0, vw, vh];
  for (const { box } of drawable) {
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.w);
    bottom = Math.max(bottom, box.y + box.h);
  }
  [left, top, right, bottom] = [
    Math.max(left, -vw / 4),
    Math.max(top, -vh / 2),
    Math.min(right, vw * 1.25),
    Math.min(bottom, vh * 2),
  ];
  const targetNode = drawable.find((node) => node.id === target);
  if (targetNode) {
    const { box } = targetNode;
    [left, top] = [Math.min(left, box.x), Math.min(top, box.y)];
    [right, bottom] = [Math.max(right, box.x + box.w), Math.max(bottom, box.y + box.h)];
  }
  const pad = Math.round((right - left) * 0.012);
  const view = {
    x: left - pad,
    y: top - pad,
    w: right - left + 2 * pad,
    h: bottom - top + 2 * pad,
  };
  const unit = view.w / DRAWN_WIDTH;
  const font = LABEL_PX * unit;
  const inView = drawable.filter((node) => overlaps(node.box, view));
  const placed: Rect[] = [];
  const labels = new Map<number, DrawnPart['label']>();
  // Among parts of a kind, the innermost first: a list item names its corner, and the
  // list around it moves its label to another.
  const depth = depths(observation.nodes);
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
  return {
    view,
    viewport: { x: 0, y: 0, w: vw, h: vh },
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

function placeLabel(
  node: ObservedNode,
  isTarget: boolean,
  view: Rect,
  unit: number,
  font: number,
  placed: readonly Rect[],
): DrawnPart['label'] {
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

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Each node's depth below the document, for indenting the list of parts. */
export function depths(nodes: readonly ObservedNode[]): Map<number, number> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const depth = new Map<number, number>();
  const of = (node: ObservedNode, seen: number): number => {
    const known = depth.get(node.id);
    if (known !== undefined) return known;
    const parent = byId.get(node.parent);
    const value = parent && seen < 64 ? of(parent, seen + 1) + 1 : 0;
    depth.set(node.id, value);
    return value;
  };
  for (const node of nodes) of(node, 0);
  return depth;
}
