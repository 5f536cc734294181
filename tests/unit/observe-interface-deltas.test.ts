import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BOX_THRESHOLD_PX } from '../../lib/recorder/diff-skeleton';
import { MAX_WAIT_MS, SETTLE_MS } from '../../lib/recorder/observe-interface';
import { NEAR_VIEWPORT } from '../../lib/recorder/place-nodes';
import { MAX_OBSERVED_NODES, pageEventDraft } from '../../lib/schema';
import {
  click,
  folded,
  outline,
  recordInterface,
  settle,
  stubBoxes,
  trustedEvent,
} from './support/record-interface';

/**
 * Boxes by `data-y` and `data-h`, moved by `scrolledBy` without touching the DOM, as a
 * scroll or a layout change moves them.
 */
const scrolledBy = new WeakMap<Element, number>();
function boxFromAttributes(element: Element) {
  const y = element.getAttribute('data-y');
  const h = element.getAttribute('data-h');
  return {
    ...(y === null ? {} : { y: Number(y) - (scrolledBy.get(element) ?? 0) }),
    ...(h === null ? {} : { height: Number(h) }),
  };
}
/** The page scrolls by `by`: these elements move up in the viewport, the rest stay put. */
function scroll(elements: Iterable<Element>, by: number) {
  for (const element of elements) scrolledBy.set(element, by);
  window.scrollTo(0, by);
  document.dispatchEvent(trustedEvent(new Event('scroll')));
}

beforeEach(() => {
  vi.useFakeTimers();
  window.scrollTo(0, 0);
  history.replaceState(null, '', '/shop');
  stubBoxes(boxFromAttributes);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

const LIST = `
  <nav><ul>
    <li id="one"><a href="/shop/a">A</a></li>
    <li id="two"><a href="/shop/b">B</a><button>x</button></li>
    <li id="three"><a href="/shop/c">C</a></li>
  </ul></nav>
  <main><button id="toggle" aria-expanded="false">Menu</button><p id="text">Hello</p></main>`;

/** The skeleton as a fresh recorder sees the page now, to compare with what was folded. */
async function freshOutline() {
  const { observations, stop } = recordInterface();
  await settle();
  stop();
  return outline(observations()[0]?.nodes ?? []);
}

describe('after the first observation', () => {
  it('records only what was added, in full, and the sibling after it', async () => {
    document.body.innerHTML = LIST;
    const { drafts, observations } = recordInterface();
    await settle();
    const ul = document.querySelector('ul')!;
    const li = document.createElement('li');
    li.innerHTML = '<a href="/shop/d">D</a>';
    ul.insertBefore(li, document.getElementById('three'));
    await settle();
    const [, second] = observations();
    expect(second).toMatchObject({ n: 2, full: false, cause: 'change', removed: [] });
    expect(pageEventDraft.parse(second)).toEqual(second);
    // The new item and its link, and the item now after it.
    expect(second!.nodes.map((node) => [node.tag, node.id])).toEqual([
      ['li', 12],
      ['a', 13],
      ['li', 8],
    ]);
    expect(second!.nodes[2]).toMatchObject({ after: 12 });
    expect(outline(folded(drafts))).toEqual(await freshOutline());
  });

  it('records the topmost id of what was removed, and re-sends the sibling whose neighbour went', async () => {
    document.body.innerHTML = LIST;
    const { drafts, observations } = recordInterface();
    await settle();
    const [first] = observations();
    const [one, two, three] = first!.nodes.filter((node) => node.tag === 'li');
    document.getElementById('two')!.remove();
    await settle();
    const [, second] = observations();
    // Its link and button go with it.
    expect(second!.removed).toEqual([two!.id]);
    expect(second!.nodes.map((node) => [node.id, node.after])).toEqual([[three!.id, one!.id]]);
    expect(outline(folded(drafts))).toEqual(await freshOutline());
  });

  it('re-sends a moved node in full with its new parent, and what it left behind', async () => {
    document.body.innerHTML = LIST;
    const { drafts, observations } = recordInterface();
    await settle();
    const button = document.querySelector('#two button')!;
    document.querySelector('main')!.append(button);
    await settle();
    const [first, second] = observations();
    const main = first!.nodes.find((node) => node.tag === 'main')!;
    const toggle = first!.nodes.find((node) => node.tag === 'button' && node.parent === main.id)!;
    expect(second!.removed).toEqual([]);
    expect(second!.nodes).toEqual([
      expect.objectContaining({ tag: 'button', parent: main.id, after: toggle.id }),
    ]);
    expect(outline(folded(drafts))).toEqual(await freshOutline());
  });

  it('re-sends a node whose state changed', async () => {
    document.body.innerHTML = LIST;
    const { observations } = recordInterface();
    await settle();
    document.getElementById('toggle')!.setAttribute('aria-expanded', 'true');
    await settle();
    const [, second] = observations();
    expect(second!.nodes).toEqual([
      expect.objectContaining({ tag: 'button', states: ['expanded', 'focusable'] }),
    ]);
  });

  it('keeps descendants of a node that stopped being one, under their new parent', async () => {
    document.body.innerHTML =
      '<main><nav id="n"><ul><li><a href="/shop/a">A</a></li></ul></nav></main>';
    const { drafts } = recordInterface();
    await settle();
    document.getElementById('n')!.setAttribute('role', 'none');
    await settle();
    expect(outline(folded(drafts))).toEqual(await freshOutline());
    expect(outline(folded(drafts))).toEqual([
      'main(main) 0/0',
      'ul(list) 1/0',
      'li(listitem) 2/0',
      'a(link) 3/0',
    ]);
  });

  it('waits for the page to settle, but not forever', async () => {
    document.body.innerHTML = LIST;
    const { observations } = recordInterface();
    await settle();
    const main = document.querySelector('main')!;
    // A change every SETTLE_MS / 2: the page never settles.
    for (let elapsed = 0; elapsed < MAX_WAIT_MS - SETTLE_MS; elapsed += SETTLE_MS / 2) {
      main.append(document.createElement('button'));
      await vi.advanceTimersByTimeAsync(SETTLE_MS / 2);
    }
    expect(observations()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(SETTLE_MS * 2);
    expect(observations()).toHaveLength(2);
  });
});

describe('when nothing changed', () => {
  it('records nothing more, whatever the page does to text or attributes that do not count', async () => {
    document.body.innerHTML = LIST;
    const { drafts } = recordInterface();
    await settle();
    expect(drafts).toHaveLength(1);
    await settle(60_000);
    document.getElementById('text')!.textContent = 'Changed text';
    document.getElementById('text')!.setAttribute('class', 'highlight');
    document.querySelector('a')!.setAttribute('data-count', '3');
    await settle();
    expect(drafts).toHaveLength(1);
    click(document.getElementById('toggle')!);
    expect(drafts.map((draft) => draft.kind)).toEqual(['observation', 'click']);
  });

  it('does not record boxes that moved by less than the threshold', async () => {
    document.body.innerHTML = '<main data-y="100"><button data-y="200">x</button></main>';
    const { drafts } = recordInterface();
    await settle();
    scrolledBy.set(document.querySelector('button')!, -BOX_THRESHOLD_PX);
    window.dispatchEvent(trustedEvent(new Event('resize')));
    await settle();
    click(document.querySelector('button')!);
    expect(drafts.map((draft) => draft.kind)).toEqual(['observation', 'click']);
  });
});

describe('boxes', () => {
  it('are not worth an event of their own: moved boxes are recorded before the next action', async () => {
    document.body.innerHTML =
      '<main data-y="100"><button data-y="200">x</button><a href="/shop/a" data-y="300">a</a></main>';
    const { drafts, observations } = recordInterface();
    await settle();
    // The layout shifted up by 150 px (the window was resized): every box moved,
    // nothing else did.
    for (const element of document.querySelectorAll('[data-y]')) scrolledBy.set(element, 150);
    window.dispatchEvent(trustedEvent(new Event('resize')));
    await settle();
    expect(observations()).toHaveLength(1);
    click(document.querySelector('button')!);
    const [, second] = observations();
    expect(second).toMatchObject({ n: 2, cause: 'action', removed: [] });
    expect(second!.nodes.map((node) => [node.tag, node.box.y])).toEqual([
      ['main', -50],
      ['button', 50],
      ['a', 150],
    ]);
    expect(drafts.at(-1)).toMatchObject({ kind: 'click', at: { n: 2 } });
  });

  it('are in the document: a scroll moves none but what stays on screen, and says where it went', async () => {
    const rows = Array.from(
      { length: 5 },
      (_, i) => `<button data-y="${100 + i * 40}">${i}</button>`,
    );
    document.body.innerHTML = `<header data-y="0"><a href="/shop/cart" data-y="0">Cart</a></header><main data-y="100">${rows.join('')}</main>`;
    const { drafts, observations } = recordInterface();
    await settle();
    expect(observations()[0]).toMatchObject({ scroll: { x: 0, y: 0 } });
    // The page scrolls by 150: the buttons move up on screen, the sticky header does not.
    scroll(document.querySelectorAll('main, main button'), 150);
    await settle();
    expect(observations()).toHaveLength(1);
    click(document.querySelectorAll('main button')[4]!);
    // Only the header's place in the document changed: it comes before the click.
    const [, second] = observations();
    expect(second).toMatchObject({ cause: 'action', scroll: { x: 0, y: 150 } });
    expect(second!.nodes.map((node) => [node.tag, node.box.y])).toEqual([
      ['header', 150],
      ['a', 150],
    ]);
    expect(second!.nodes.every((node) => node.states.includes('fixed'))).toBe(true);
    const clicked = drafts.at(-1);
    const id = clicked && 'at' in clicked ? clicked.at?.node : undefined;
    expect(folded(drafts).find((node) => node.id === id)?.box.y).toBe(260);
    // Marked fixed, the header is not sent again as the page scrolls on: the next
    // action's observation says only where the page is now, and readers move it.
    scroll(document.querySelectorAll('main, main button'), 400);
    await settle();
    click(document.querySelectorAll('main button')[4]!);
    expect(observations()[2]).toMatchObject({ scroll: { y: 400 }, nodes: [], removed: [] });
    const header = folded(drafts).find((node) => node.tag === 'header');
    expect(header).toMatchObject({ box: { y: 400 }, states: ['fixed'] });
    // Once it moves on screen, it is a node of the page again.
    scrolledBy.set(document.querySelector('header')!, 400);
    scrolledBy.set(document.querySelector('header a')!, 400);
    window.dispatchEvent(trustedEvent(new Event('resize')));
    await settle();
    click(document.querySelectorAll('main button')[4]!);
    expect(observations()[3]!.nodes.map((node) => [node.tag, node.box.y, node.states])).toEqual([
      ['header', 0, []],
      ['a', 0, ['focusable']],
    ]);
  });

  it('of a field typed into keep their size, so its growth cannot tell how much was typed', async () => {
    document.body.innerHTML = '<main><textarea data-h="40"></textarea><button>x</button></main>';
    const { observations } = recordInterface();
    await settle();
    const textarea = document.querySelector('textarea')!;
    textarea.dispatchEvent(trustedEvent(new Event('input', { bubbles: true, composed: true })));
    textarea.setAttribute('data-h', '400');
    textarea.setAttribute('rows', '20');
    document.querySelector('button')!.setAttribute('aria-expanded', 'true');
    await settle();
    click(document.querySelector('button')!);
    const textareas = observations().flatMap((o) => o.nodes.filter((n) => n.tag === 'textarea'));
    expect(textareas.map((node) => node.box.h)).toEqual([40]);
  });
});

describe('the cap', () => {
  /** 800 items with a button each, 40 px apart: more nodes than an observation may list. */
  function longPage() {
    const rows = Array.from(
      { length: 800 },
      (_, i) => `<li data-y="${i * 40}"><button data-y="${i * 40}">${i}</button></li>`,
    );
    document.body.innerHTML = `<main data-y="0" data-h="40000"><ul data-y="0" data-h="40000">${rows.join('')}</ul></main>`;
  }

  it('lists only nodes in or near the viewport, and says so', { timeout: 30_000 }, async () => {
    longPage();
    const { observations } = recordInterface();
    await settle();
    const [first] = observations();
    expect(first!.truncated).toBe(true);
    expect(first!.nodes.length).toBeLessThanOrEqual(MAX_OBSERVED_NODES);
    const ys = first!.nodes.filter((node) => node.tag === 'button').map((node) => node.box.y);
    // Within a quarter of a viewport below the viewport (happy-dom's is 768 px high).
    const band = (1 + NEAR_VIEWPORT) * window.innerHeight;
    expect(Math.max(...ys)).toBeLessThanOrEqual(band);
    expect(Math.max(...ys)).toBeGreaterThan(band - 40);
    expect(Math.max(...ys)).toBeGreaterThan(window.innerHeight);
    expect(Math.min(...ys)).toBe(0);
    expect(outline(first!.nodes).slice(0, 4)).toEqual([
      'main(main) 0/0',
      'ul(list) 1/0',
      'li(listitem) 2/0',
      'button(button) 3/0',
    ]);
  });

  it('follows the viewport: scrolled far down, other nodes come in, and those listed stay', {
    timeout: 30_000,
  }, async () => {
    // Nodes coming in and going out change the skeleton: recorded once the scroll settles.
    longPage();
    const { drafts, observations } = recordInterface();
    await settle();
    scroll(document.querySelectorAll('li, li > button'), 20_000);
    await settle();
    click(document.querySelectorAll('button')[500]!);
    const [first, second] = observations();
    expect(second).toMatchObject({ cause: 'change', truncated: true, removed: [] });
    expect(observations()).toHaveLength(2);
    // Only what came in is sent; readers keep what they had, and scrolling back costs nothing.
    const before = new Set(first!.nodes.map((node) => node.id));
    expect(second!.nodes.some((node) => node.tag === 'li' && before.has(node.id))).toBe(false);
    const ids = new Set(folded(drafts).map((node) => node.id));
    expect([...before].every((id) => ids.has(id))).toBe(true);
    const click_ = drafts.at(-1);
    expect(click_).toMatchObject({ kind: 'click', at: { n: 2 } });
    if (click_?.kind !== 'click') throw new Error('unreachable');
    expect(folded(drafts).find((node) => node.id === click_.at?.node)).toMatchObject({
      tag: 'button',
      box: { y: 20_000 },
    });
    // Back at the top: nothing new to send.
    scroll(document.querySelectorAll('li, li > button'), 0);
    await settle();
    expect(observations()).toHaveLength(2);
  });
});
