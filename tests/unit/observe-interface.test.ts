import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_OBSERVED_NODES, type ObservedNode, pageEventDraft } from '../../lib/schema';
import {
  click,
  type Observation,
  outline,
  recordInterface,
  settle,
  stubBoxes,
  trustedEvent,
} from './support/record-interface';

beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState(null, '', '/shop/products');
  stubBoxes();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

const SHOP = `
  <header>
    <nav aria-label="Main">
      <ul>
        <li><a href="/shop/cart?token=Qx7secret#Qx7secret">Cart</a></li>
        <li><a href="https://elsewhere.example/Qx7secret/profile">Profile</a></li>
        <li><a>No destination</a></li>
      </ul>
    </nav>
  </header>
  <main>
    <h1>Products</h1>
    <div><span><h2 role="heading" aria-level="3">Filters</h2></span></div>
    <form>
      <input type="hidden" name="csrf" value="Qx7secret">
      <input type="email" required autocomplete="email">
      <select><option>Small</option><option role="option" tabindex="0">Large</option></select>
      <textarea aria-invalid="true"></textarea>
      <button disabled>Buy</button>
    </form>
    <table><tr><td colspan="2">a</td><td>b</td></tr><tr><td>c</td></tr></table>
    <ul role="presentation"><li role="none">layout</li></ul>
    <div role="tablist"><button role="tab" aria-expanded="true">One</button></div>
    <div role="tabpanel"><p>Text</p></div>
    <details><summary>More</summary><div role="menu"><div role="menuitem">Edit</div></div></details>
    <div contenteditable="true"><ul><li>typed list</li></ul></div>
    <div tabindex="0"><span>focusable</span></div>
    <div role="button">fake</div>
    <dialog open aria-modal="true"><button>Close</button></dialog>
    <template><button>never</button></template>
    <script>var button = 1;</script>
    <iframe title="Frame" srcdoc="<p>frame</p>"></iframe>
  </main>
  <aside hidden><button>hidden</button></aside>
  <footer aria-hidden="true"><a href="/shop/help">Help</a></footer>`;

async function firstObservation(options: Parameters<typeof recordInterface>[0] = {}) {
  const recorder = recordInterface(options);
  await settle();
  const [first] = recorder.observations();
  if (!first) throw new Error('no observation was recorded');
  return { ...recorder, first };
}

const byTag = (nodes: readonly ObservedNode[], tag: string) => nodes.filter((n) => n.tag === tag);

describe('the first observation of a page', () => {
  it('lists the whole skeleton in document order, with parents and previous siblings', async () => {
    document.body.innerHTML = SHOP;
    const { first, observations } = await firstObservation();
    expect(observations()).toHaveLength(1);
    expect(pageEventDraft.parse(first)).toEqual(first);
    expect(first).toMatchObject({
      kind: 'observation',
      page: { origin: location.origin, path: '/shop/products' },
      n: 1,
      full: true,
      cause: 'load',
      removed: [],
      truncated: false,
      viewport: { w: window.innerWidth, h: window.innerHeight },
    });
    expect(first.doc).toMatch(/^[a-z0-9]{8,16}$/);
    expect(outline(first.nodes)).toEqual([
      'header(banner) 0/0',
      'nav(navigation) 1/0',
      'ul(list) 2/0',
      'li(listitem) 3/0',
      'a(link) 4/0',
      'li(listitem) 3/4',
      'a(link) 6/0',
      'li(listitem) 3/6',
      'main(main) 0/1',
      'h1(heading) 9/0',
      'h2(heading) 9/10',
      'form(form) 9/11',
      'input(textbox) 12/0',
      'select(combobox) 12/13',
      'textarea(textbox) 12/14',
      'button(button) 12/15',
      'table(table) 9/12',
      'div(tablist) 9/17',
      'button(tab) 18/0',
      'div(tabpanel) 9/18',
      'summary(button) 9/20',
      'div(menu) 9/21',
      'div(menuitem) 22/0',
      'div 9/22',
      'div 9/24',
      'div(button) 9/25',
      'dialog(dialog) 9/26',
      'button(button) 27/0',
      'iframe 9/27',
      'aside(complementary) 0/9',
      'footer(contentinfo) 0/30',
    ]);
    const nodes = first.nodes;
    expect(nodes.map((node) => node.id)).toEqual(nodes.map((_, index) => index + 1));
  });

  it('describes each node by structure, states and shape only', async () => {
    document.body.innerHTML = SHOP;
    const { first } = await firstObservation();
    const [cart, profile] = byTag(first.nodes, 'a');
    expect(cart).toMatchObject({ path: '/shop/cart', states: ['focusable'] });
    expect(profile).not.toHaveProperty('path');
    expect(byTag(first.nodes, 'h1')[0]).toMatchObject({ level: 1 });
    expect(byTag(first.nodes, 'h2')[0]).toMatchObject({ level: 3 });
    expect(byTag(first.nodes, 'input')[0]).toMatchObject({
      field: 'email',
      states: ['required', 'focusable'],
    });
    expect(byTag(first.nodes, 'select')[0]).toMatchObject({ field: 'select' });
    expect(byTag(first.nodes, 'textarea')[0]).toMatchObject({
      field: 'textarea',
      states: ['focusable', 'invalid'],
    });
    expect(byTag(first.nodes, 'button')[0]).toMatchObject({ states: ['disabled'] });
    expect(byTag(first.nodes, 'table')[0]).toMatchObject({ rows: 2, cols: 3 });
    expect(first.nodes.find((node) => node.role === 'tab')).toMatchObject({
      states: ['expanded', 'focusable'],
    });
    expect(byTag(first.nodes, 'summary')[0]).toMatchObject({
      states: ['collapsed', 'focusable'],
    });
    expect(byTag(first.nodes, 'dialog')[0]?.states).toContain('modal');
    // The editable area is a field; what was typed into it (a list) is not walked.
    const editable = first.nodes.find((node) => node.field === 'contenteditable');
    expect(editable).toMatchObject({ tag: 'div', states: ['focusable'] });
    expect(first.nodes.filter((node) => node.parent === editable?.id)).toEqual([]);
    expect(byTag(first.nodes, 'aside')[0]).toMatchObject({ states: ['hidden'] });
    expect(byTag(first.nodes, 'footer')[0]).toMatchObject({ states: ['hidden'] });
    expect(byTag(first.nodes, 'div').find((node) => node.role === null)).toMatchObject({
      states: ['focusable'],
    });
    for (const node of first.nodes) {
      expect(node.box).toEqual({ x: 10, y: 20, w: 100, h: 30 });
      expect(node).not.toHaveProperty('name');
    }
  });

  it('marks elements not rendered as hidden and does not list what is inside them', async () => {
    document.body.innerHTML =
      '<nav style="display: none"><a href="/shop/a">A</a></nav><button style="visibility: hidden">B</button>';
    const { first } = await firstObservation();
    expect(outline(first.nodes)).toEqual(['nav(navigation) 0/0', 'button(button) 0/1']);
    expect(first.nodes.map((node) => node.states)).toEqual([['hidden'], ['hidden']]);
  });

  it('records a page with no skeleton as an empty full observation', async () => {
    document.body.innerHTML = '<p>Just text</p>';
    const { first } = await firstObservation();
    expect(first).toMatchObject({ full: true, n: 1, nodes: [] });
  });
});

describe('shadow roots', () => {
  it('walks open and closed roots and slotted content in the order a reader sees it', async () => {
    document.body.innerHTML =
      '<main><shop-card><a href="/shop/x">slotted</a></shop-card><shop-panel></shop-panel></main>';
    const card = document.querySelector('shop-card')!;
    card
      .attachShadow({ mode: 'open' })
      .append(
        Object.assign(document.createElement('h3'), { textContent: 'Title' }),
        document.createElement('slot'),
        Object.assign(document.createElement('button'), { textContent: 'Add' }),
      );
    const closed = document.querySelector('shop-panel')!.attachShadow({ mode: 'closed' });
    closed.innerHTML = '<nav><button>Inside closed</button></nav>';
    const openShadowRoot = vi.fn((host: Element) =>
      host.localName === 'shop-panel' ? closed : null,
    );
    const { first } = await firstObservation({ openShadowRoot });
    expect(outline(first.nodes)).toEqual([
      'main(main) 0/0',
      'h3(heading) 1/0',
      'a(link) 1/2',
      'button(button) 1/3',
      'nav(navigation) 1/4',
      'button(button) 5/0',
    ]);
    // Custom element names are page strings: kept only when made of structural words.
    expect(openShadowRoot).not.toHaveBeenCalledWith(document.querySelector('main'));
  });

  it('does not ask the extension for closed roots of elements that cannot be custom elements', async () => {
    document.body.innerHTML = `<div>${'<div><span></span></div>'.repeat(50)}</div>`;
    const openShadowRoot = vi.fn(() => null);
    await firstObservation({ openShadowRoot });
    expect(openShadowRoot).not.toHaveBeenCalled();
  });
});

describe('capture levels', () => {
  const LABELLED = `
    <nav aria-label="Account menu for Zanzibarra">
      <button>Add to cart</button>
      <a href="/shop/orders">Orders of Zanzibarra</a>
      <label>Email <input type="email"></label>
      <label><input type="checkbox"> Subscribe to Zanzibarra</label>
      <button aria-label="Call 555-123-4567">x</button>
      <h2 aria-label="Search">Results for Zanzibarra</h2>
    </nav>`;

  it('records no text at all at structure', async () => {
    document.body.innerHTML = LABELLED;
    const { first } = await firstObservation();
    expect(first.nodes.length).toBeGreaterThan(5);
    for (const node of first.nodes) expect(node).not.toHaveProperty('name');
    expect(JSON.stringify(first)).not.toMatch(/account|add to|subscribe|call|555|results/i);
  });

  it('records scrubbed names at labels, and none for choice controls', async () => {
    document.body.innerHTML = LABELLED;
    const { first } = await firstObservation({ captureLevel: 'labels' });
    expect(first.nodes.map((node) => [node.tag, node.name ?? null])).toEqual([
      ['nav', 'Account menu for <text>'],
      ['button', 'Add to cart'],
      ['a', 'Orders of <text>'],
      ['input', 'Email'],
      ['input', null],
      ['button', 'Call <number>'],
      ['h2', 'Search'],
    ]);
    expect(JSON.stringify(first)).not.toMatch(/zanzibarra|555/i);
  });

  it('keeps tags the page chose only when they are made of structural words', async () => {
    document.body.innerHTML =
      '<search-box tabindex="0"></search-box><alice-smith-card tabindex="0"></alice-smith-card>' +
      '<div role="qx7secret" tabindex="0"></div>';
    const { first } = await firstObservation();
    expect(first.nodes.map((node) => [node.tag, node.role])).toEqual([
      ['search-box', null],
      ['unknown', null],
      ['div', null],
    ]);
  });
});

describe('what observations never contain', () => {
  const SECRET = 'Qx7secret';
  const PAGE = `
    <main title="${SECRET}">
      <h1 title="${SECRET}" data-note="${SECRET}">${SECRET}</h1>
      <img alt="${SECRET}" src="/img/${SECRET}.png">
      <a href="/shop/${SECRET}?q=${SECRET}#${SECRET}" title="${SECRET}">${SECRET}</a>
      <a href="https://${SECRET}.example/${SECRET}">${SECRET}</a>
      <a href="mailto:${SECRET}@example.org">${SECRET}</a>
      <form aria-describedby="hint">
        <p id="hint">${SECRET}</p>
        <input id="${SECRET}" class="${SECRET}" name="${SECRET}" value="${SECRET}" placeholder="${SECRET}">
        <input type="password" value="${SECRET}">
        <textarea placeholder="${SECRET}">${SECRET}</textarea>
        <select name="${SECRET}"><option value="${SECRET}" selected>${SECRET}</option></select>
        <input type="checkbox" checked aria-label="${SECRET}">
        <div contenteditable="true"><b>${SECRET}</b></div>
        <button value="${SECRET}" title="${SECRET}">${SECRET}</button>
        <output>${SECRET}</output>
      </form>
      <iframe name="${SECRET}" title="${SECRET}" srcdoc="${SECRET}"></iframe>
      <div role="button" aria-description="${SECRET}" data-testid="${SECRET}">${SECRET}</div>
    </main>`;

  it.each(['structure', 'labels'] as const)(
    'holds no value, text, title, alt, placeholder or link query at %s',
    async (captureLevel) => {
      history.replaceState(null, '', `/shop/products?token=${SECRET}#${SECRET}`);
      document.body.innerHTML = PAGE;
      const { drafts, first } = await firstObservation({ captureLevel });
      expect(first.nodes.length).toBeGreaterThan(10);
      // Typing and changes afterwards: observed again, and still nothing of them.
      const input = document.querySelector('input')!;
      input.value = `${SECRET} ${SECRET}`;
      input.dispatchEvent(trustedEvent(new Event('input', { bubbles: true, composed: true })));
      document.querySelector('textarea')!.value = SECRET.repeat(20);
      document.querySelector('h1')!.textContent = `${SECRET}!`;
      document.querySelector('main')!.append(
        Object.assign(document.createElement('button'), {
          textContent: SECRET,
          title: SECRET,
        }),
      );
      await settle();
      click(document.querySelector('button')!);
      expect(drafts.filter((draft) => draft.kind === 'observation').length).toBeGreaterThan(1);
      expect(JSON.stringify(drafts)).not.toContain(SECRET);
      expect(JSON.stringify(drafts).toLowerCase()).not.toContain(SECRET.toLowerCase());
    },
  );

  it('never lists more nodes than the schema allows', async () => {
    document.body.innerHTML = '<button>x</button>'.repeat(MAX_OBSERVED_NODES + 10);
    const { first } = await firstObservation();
    expect(first.nodes.length).toBeLessThanOrEqual(MAX_OBSERVED_NODES);
    expect(pageEventDraft.safeParse(first).success).toBe(true);
  });
});

describe('the document id', () => {
  it('is random per recorder and the same across one recorder’s observations', async () => {
    document.body.innerHTML = '<main><button>x</button></main>';
    const a = recordInterface();
    const b = recordInterface();
    await settle();
    document.querySelector('main')!.append(document.createElement('button'));
    await settle();
    const docs = (list: Observation[]) => new Set(list.map((observation) => observation.doc));
    expect(a.observations()).toHaveLength(2);
    expect(docs(a.observations()).size).toBe(1);
    expect(docs(b.observations()).size).toBe(1);
    expect([...docs(a.observations())][0]).not.toBe([...docs(b.observations())][0]);
  });
});
