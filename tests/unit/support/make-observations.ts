import type { ObservedNode, TraceEvent } from '../../../lib/schema';
import { clickEvent, SESSION } from './make-events';

type Observation = Extract<TraceEvent, { kind: 'observation' }>;

export function node(
  id: number,
  parent: number,
  after: number,
  extra: Partial<ObservedNode> = {},
): ObservedNode {
  return {
    id,
    parent,
    after,
    tag: 'button',
    role: 'button',
    field: null,
    box: { x: 20, y: 20 * id, w: 120, h: 32 },
    states: [],
    ...extra,
  };
}

/** A small shop page's skeleton at capture level `structure`: roles and boxes, no names. */
export const SHOP_NODES: ObservedNode[] = [
  node(1, 0, 0, { tag: 'header', role: 'banner', box: { x: 0, y: 0, w: 1280, h: 64 } }),
  node(2, 1, 0, { tag: 'nav', role: 'navigation', box: { x: 640, y: 8, w: 600, h: 48 } }),
  node(3, 2, 0, { tag: 'a', role: 'link', path: '/', box: { x: 660, y: 20, w: 80, h: 24 } }),
  node(4, 2, 3, { tag: 'a', role: 'link', path: '/cart', box: { x: 760, y: 20, w: 80, h: 24 } }),
  node(5, 0, 1, { tag: 'main', role: 'main', box: { x: 0, y: 80, w: 1280, h: 600 } }),
  node(6, 5, 0, { tag: 'h1', role: 'heading', level: 1, box: { x: 40, y: 100, w: 500, h: 40 } }),
  node(7, 5, 6, { tag: 'form', role: 'search', box: { x: 40, y: 160, w: 600, h: 56 } }),
  node(8, 7, 0, {
    tag: 'input',
    role: 'searchbox',
    field: 'search',
    box: { x: 50, y: 170, w: 400, h: 36 },
  }),
  node(9, 7, 8, { box: { x: 470, y: 170, w: 120, h: 36 } }),
  node(10, 5, 7, { tag: 'ul', role: 'list', box: { x: 40, y: 240, w: 1200, h: 400 } }),
  node(11, 10, 0, {
    tag: 'li',
    role: 'listitem',
    box: { x: 40, y: 240, w: 380, h: 200 },
  }),
  node(12, 11, 0, { box: { x: 60, y: 390, w: 160, h: 36 } }),
  node(13, 0, 5, {
    tag: 'div',
    role: 'dialog',
    states: ['hidden'],
    box: { x: 0, y: 0, w: 0, h: 0 },
  }),
];

/** The same page at capture level `labels`: the same nodes with their scrubbed names. */
export const SHOP_NAMES: Record<number, string> = {
  3: 'Home',
  4: 'Cart',
  6: 'Desk lamps',
  8: 'Search products',
  9: 'Search',
  12: 'Add to cart',
};

export function named(nodes: readonly ObservedNode[]): ObservedNode[] {
  return nodes.map((each) =>
    SHOP_NAMES[each.id] ? { ...each, name: SHOP_NAMES[each.id] } : { ...each },
  );
}

export function observation(overrides: Partial<Observation> & { seq: number }): Observation {
  return {
    kind: 'observation',
    session: SESSION,
    t: 1_763_000_000_000 + overrides.seq * 1000,
    tab: 0,
    frame: [],
    page: { origin: 'https://shop.example', path: '/products/:id' },
    doc: 'doc0000a',
    n: 1,
    full: true,
    cause: 'load',
    viewport: { w: 1280, h: 720 },
    scroll: { x: 0, y: 0 },
    nodes: SHOP_NODES,
    removed: [],
    truncated: false,
    ...overrides,
  };
}

/** A click at `seq`, taken against observation `n` of `doc` and its node `node` (or none). */
export function groundedClick(
  seq: number,
  at: { doc: string; n: number; node: number | null } | null,
  overrides: Record<string, unknown> = {},
): TraceEvent {
  return clickEvent({
    seq,
    t: 1_763_000_000_000 + seq * 1000,
    ...(at ? { at } : {}),
    ...overrides,
  });
}
