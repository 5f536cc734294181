import { describe, expect, it } from 'vitest';
import type { ObservedNode, TraceEvent } from '../../lib/schema';
import { foldObservations } from '../../lib/trace/fold-observations';

const SESSION = '00000000-0000-4000-8000-000000000001';
let seq = 0;

function node(id: number, parent: number, after: number, extra: Partial<ObservedNode> = {}) {
  return {
    id,
    parent,
    after,
    tag: 'button',
    role: 'button',
    field: null,
    box: { x: 0, y: id * 10, w: 50, h: 10 },
    states: [],
    ...extra,
  } satisfies ObservedNode;
}

function observation(
  doc: string,
  n: number,
  nodes: ObservedNode[],
  removed: number[] = [],
): TraceEvent {
  return {
    kind: 'observation',
    session: SESSION,
    seq: seq++,
    t: 1_000 + seq,
    tab: 0,
    frame: [],
    page: { origin: 'https://shop.test', path: n === 1 ? '/' : '/cart' },
    doc,
    n,
    full: n === 1,
    cause: n === 1 ? 'load' : 'change',
    viewport: { w: 800, h: 600 },
    scroll: { x: 0, y: 0 },
    nodes,
    removed,
    truncated: false,
  };
}

const ids = (nodes: readonly ObservedNode[] | undefined) => nodes?.map((each) => each.id);

describe('folding observations', () => {
  const nav = node(1, 0, 0, { tag: 'nav', role: 'navigation' });
  const events = [
    observation('doca0000', 1, [nav, node(2, 1, 0), node(3, 1, 2), node(4, 0, 1)]),
    // Button 5 is added between 2 and 3 (3 now follows 5), 4 is removed.
    observation('doca0000', 2, [node(5, 1, 2), node(3, 1, 5)], [4]),
    // The nav goes, and its buttons with it.
    observation('doca0000', 3, [node(6, 0, 0)], [1]),
    observation('docb0000', 1, [node(1, 0, 0, { role: 'link', tag: 'a' })]),
  ];
  const folded = foldObservations(events);

  it('gives a full observation as it was listed, in document order', () => {
    expect(ids(folded.at('doca0000', 1)?.nodes)).toEqual([1, 2, 3, 4]);
  });

  it('applies additions, moves and removals in order', () => {
    expect(ids(folded.at('doca0000', 2)?.nodes)).toEqual([1, 2, 5, 3]);
    expect(folded.at('doca0000', 2)?.path).toBe('/cart');
  });

  it('removes a node with everything observed inside it', () => {
    expect(ids(folded.at('doca0000', 3)?.nodes)).toEqual([6]);
  });

  it('keeps documents apart: the same node id in another document is another node', () => {
    expect(folded.at('docb0000', 1)?.nodes).toEqual([node(1, 0, 0, { role: 'link', tag: 'a' })]);
    expect(ids(folded.at('doca0000', 1)?.nodes)).toEqual([1, 2, 3, 4]);
  });

  it('answers null for an observation that was not recorded', () => {
    expect(folded.at('doca0000', 9)).toBeNull();
    expect(folded.at('nothere0', 1)).toBeNull();
  });

  it('starts from what a change lists when its full observation is gone', () => {
    const orphan = foldObservations([observation('docc0000', 2, [node(7, 0, 0)])]);
    expect(ids(orphan.at('docc0000', 2)?.nodes)).toEqual([7]);
  });
});

describe('nodes that stay put on screen', () => {
  it('move in the document with the scroll, from where they were last sent', () => {
    const at = (n: number, y: number, nodes: ObservedNode[]) => {
      const event = observation('docc0000', n, nodes);
      return { ...event, scroll: { x: 0, y } } as TraceEvent;
    };
    const header = node(1, 0, 0, { tag: 'header', role: 'banner', states: ['fixed'] });
    const folded = foldObservations([
      at(1, 0, [node(1, 0, 0, { tag: 'header', role: 'banner' }), node(2, 0, 1)]),
      at(2, 300, [{ ...header, box: { ...header.box, y: 300 } }]),
      at(3, 1000, []),
    ]);
    const boxes = (n: number) =>
      folded.at('docc0000', n)?.nodes.map((each) => [each.id, each.box.y, each.states]);
    expect(boxes(2)).toEqual([
      [1, 300, ['fixed']],
      [2, 20, []],
    ]);
    // Scrolled on by 700 px: the fixed header with it, the button where it was.
    expect(boxes(3)).toEqual([
      [1, 1000, ['fixed']],
      [2, 20, []],
    ]);
    expect(folded.at('docc0000', 3)?.scroll).toEqual({ x: 0, y: 1000 });
  });
});
