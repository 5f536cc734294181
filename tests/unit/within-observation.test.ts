import { describe, expect, it } from 'vitest';
import { recordedPageCheck } from '../../lib/privacy/allowlist';
import { keptAsIs } from '../../lib/privacy/kept-as-is';
import { structuralWordSet } from '../../lib/privacy/structural-words';
import { compileObservationCheck } from '../../lib/privacy/within-observation';
import {
  type CaptureLevel,
  type ObservedNode,
  observedNode,
  type TraceEvent,
} from '../../lib/schema';
import { clickEvent } from './support/make-events';
import { node, observation, SHOP_NODES } from './support/make-observations';

// The background and the collector hold every observation's nodes to the study's terms
// with this check (lib/privacy/within-observation.ts), whatever the recorder sent.

/** Letters only, so no rule splits it into structural pieces (single letters, short numbers). */
const SECRET = `zq${Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;

const allowlist = [
  { match: 'https://shop.example/*', excludePaths: ['/account/*', '/archive/2024/*'] },
];

function checkAt(captureLevel: CaptureLevel) {
  const words = structuralWordSet({ allowlist });
  return compileObservationCheck({
    captureLevel,
    words,
    allowsPage: recordedPageCheck(allowlist, keptAsIs(words)),
  });
}

const page = { origin: 'https://shop.example', path: '/products' };
const nodesOf = (event: object) => (event as unknown as { nodes: ObservedNode[] }).nodes;

describe('an observation’s nodes, held to the terms', () => {
  it('removes every name at level structure, and counts each', () => {
    const nodes = [
      node(1, 0, 0, { name: `Message from ${SECRET}` }),
      node(2, 0, 1, { name: 'Search' }),
      node(3, 0, 2),
    ];
    const { event, stripped } = checkAt('structure')(observation({ seq: 1, page, nodes }));
    expect(stripped).toBe(2);
    expect(nodesOf(event).map((each) => 'name' in each)).toEqual([false, false, false]);
    expect(JSON.stringify(event)).not.toContain(SECRET);
  });

  it('scrubs names again at level labels, and names no choice control', () => {
    const nodes = [
      node(1, 0, 0, { name: `Message from ${SECRET}` }),
      node(2, 0, 1, { name: 'Add to cart' }),
      node(3, 0, 2, { tag: 'input', role: 'radio', field: 'radio', name: 'Search' }),
      node(4, 0, 3, { tag: 'input', role: 'checkbox', field: 'checkbox', name: 'Search' }),
      node(5, 0, 4, { tag: 'option', role: 'option', name: 'Search' }),
      node(6, 0, 5, { tag: 'div', role: 'switch', name: 'Search' }),
      node(7, 0, 6, { tag: 'li', role: 'menuitemradio', name: 'Search' }),
      node(8, 0, 7, { name: 'Call 555 0100 2000 or mail a@b.example' }),
    ];
    const { event, stripped } = checkAt('labels')(observation({ seq: 1, page, nodes }));
    expect(nodesOf(event).map((each) => each.name)).toEqual([
      'Message from <text>',
      'Add to cart',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'Call <number> or mail <email>',
    ]);
    expect(stripped).toBe(7);
    expect(JSON.stringify(event)).not.toContain(SECRET);
  });

  it('keeps a link’s path only on an allowed address, scrubbed; keeps the node', () => {
    const paths = [
      '/cart',
      `/products/${SECRET}`,
      `/account/${SECRET}`,
      `/Account/${SECRET}`,
      `/%61ccount/${SECRET}`,
      `/shop/../account/${SECRET}`,
      '/archive/:id/x',
      `//${SECRET}.example/x`,
      `/\\${SECRET}.example/x`,
    ];
    const nodes = paths.map((path, index) =>
      node(index + 1, 0, index, { tag: 'a', role: 'link', path }),
    );
    const { event, stripped } = checkAt('structure')(observation({ seq: 1, page, nodes }));
    expect(nodesOf(event).map((each) => each.path)).toEqual([
      '/cart',
      '/products/:text',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(nodesOf(event).map((each) => each.id)).toEqual(nodes.map((each) => each.id));
    expect(stripped).toBe(8);
    expect(JSON.stringify(event)).not.toContain(SECRET);
  });

  it('checks link paths against the allowlist of the page’s own origin', () => {
    const words = structuralWordSet({});
    const check = compileObservationCheck({
      captureLevel: 'structure',
      words,
      allowsPage: recordedPageCheck(
        [
          { match: 'https://shop.example/shop/*', excludePaths: [] },
          { match: 'https://docs.example/*', excludePaths: [] },
        ],
        keptAsIs(words),
      ),
    });
    const nodes = [
      node(1, 0, 0, { tag: 'a', role: 'link', path: '/shop/cart' }),
      // Same origin, but a section the study does not list.
      node(2, 0, 1, { tag: 'a', role: 'link', path: '/admin' }),
    ];
    const { event } = check(
      observation({ seq: 1, page: { origin: 'https://shop.example', path: '/shop' }, nodes }),
    );
    expect(nodesOf(event).map((each) => each.path)).toEqual(['/shop/cart', undefined]);
  });

  it('replaces tags and roles the page made up, keeps those HTML and ARIA name', () => {
    const nodes = [
      node(1, 0, 0, { tag: `${SECRET}-card`, role: SECRET }),
      node(2, 0, 1, { tag: 'shop-cart', role: 'button' }),
      node(3, 0, 2, { tag: 'blockquote', role: 'paragraph' }),
      node(4, 0, 3, { tag: 'td', role: 'gridcell' }),
    ];
    const { event, stripped } = checkAt('structure')(observation({ seq: 1, page, nodes }));
    expect(nodesOf(event).map(({ tag, role }) => [tag, role])).toEqual([
      ['unknown', null],
      ['shop-cart', 'button'],
      ['blockquote', 'paragraph'],
      ['td', 'gridcell'],
    ]);
    expect(stripped).toBe(2);
    expect(JSON.stringify(event)).not.toContain(SECRET);
  });

  it('returns an observation within the terms as it is, and other events untouched', () => {
    const check = checkAt('labels');
    const within = observation({ seq: 1, page, nodes: SHOP_NODES });
    expect(check(within)).toEqual({ event: within, stripped: 0 });
    expect(check(within).event).toBe(within);
    const click: TraceEvent = clickEvent({ at: { doc: 'doc0000a', n: 1, node: 9 } });
    expect(check(click).event).toBe(click);
  });

  it('rebuilds a node it changes with every field of the schema but those it removed', () => {
    // Every optional field set: a field the schema gains must be carried over (or not) on purpose.
    const full = node(1, 0, 0, {
      tag: 'table',
      role: 'table',
      field: null,
      states: ['hidden'],
      level: 2,
      rows: 3,
      cols: 4,
      name: SECRET,
      path: '/cart',
    });
    expect(Object.keys(full).sort()).toEqual(Object.keys(observedNode.shape).sort());
    const { event } = checkAt('structure')(observation({ seq: 1, page, nodes: [full] }));
    const { name: _name, ...expected } = full;
    expect(nodesOf(event)[0]).toEqual(expected);
  });

  it('answers the same for a node seen again (remembered verdicts change nothing)', () => {
    const check = checkAt('labels');
    const nodes = [node(1, 0, 0, { tag: 'a', role: 'link', name: SECRET, path: `/${SECRET}` })];
    const first = check(observation({ seq: 1, page, nodes }));
    const again = check(observation({ seq: 2, page, nodes }));
    expect(nodesOf(again.event)).toEqual(nodesOf(first.event));
    expect(again.stripped).toBe(first.stripped);
    expect(nodesOf(again.event)[0]).toMatchObject({ name: '<text>', path: '/:text' });
  });
});
