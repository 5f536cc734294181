import { afterEach, describe, expect, it, vi } from 'vitest';
import { structuralWordSet } from '../../lib/privacy/structural-words';
import { describeLabels } from '../../lib/recorder/describe-labels';
import { safeAccessibleName, safeFormLabel } from '../../lib/recorder/safe-name';

function render(html: string): void {
  document.body.innerHTML = html;
}

function $(selector: string, root: ParentNode = document): Element {
  const element = root.querySelector(selector);
  if (!element) throw new Error(`no ${selector}`);
  return element;
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('safeAccessibleName', () => {
  it.each([
    ['<button id="t">Add to cart</button>', 'Add to cart'],
    ['<button id="t"><span>Save</span> <b>draft</b></button>', 'Save draft'],
    ['<button id="t">\n      Save\n      changes\n    </button>', 'Save changes'],
    ['<button id="t"><div>Save</div><div>changes</div></button>', 'Save changes'],
    ['<button id="t">Line<br>break</button>', 'Line break'],
    ['<a id="t" href="/orders">Your orders</a>', 'Your orders'],
    ['<a id="t">Anchor without href</a>', 'Anchor without href'],
    ['<details><summary id="t">More options</summary></details>', 'More options'],
    ['<div id="t" role="button">Close</div>', 'Close'],
    ['<span id="t" role="link">Help</span>', 'Help'],
    ['<li id="t" role="menuitem">Rename</li>', 'Rename'],
    ['<div id="t" role="tab">Settings</div>', 'Settings'],
    ['<div id="t" role="checkbox">Remember me</div>', 'Remember me'],
    ['<div id="t" role="switch">Dark mode</div>', 'Dark mode'],
    ['<button id="t" aria-label="Close dialog">×</button>', 'Close dialog'],
    ['<button id="t" aria-label="  ">Fallback</button>', 'Fallback'],
    ['<input id="t" aria-label="Search the shop">', 'Search the shop'],
    ['<label for="t">Email address</label><input id="t" type="email">', 'Email address'],
    ['<label>Email <input id="t" type="email"></label>', 'Email'],
    ['<label>First<input id="t">name</label>', 'First name'],
    ['<label for="t">Plan</label><select id="t"><option>Basic</option></select>', 'Plan'],
    ['<label for="t">Notes</label><textarea id="t"></textarea>', 'Notes'],
    ['<label for="t">Bio</label><div id="t" contenteditable="true"></div>', 'Bio'],
    ['<label>Bio <div id="t" contenteditable="true"></div></label>', 'Bio'],
    ['<label for="t">Send</label><input id="t" type="submit">', 'Send'],
    ['<label for="t">Icon</label><button id="t"><img alt=""></button>', 'Icon'],
    ['<div id="t">Just a div</div>', null],
    ['<p id="t">Some paragraph</p>', null],
    ['<button id="t"></button>', null],
    ['<input id="t">', null],
  ])('%s is named %j', (html, expected) => {
    render(html);
    expect(safeAccessibleName($('#t'))).toBe(expected);
  });

  it('joins the texts of two aria-labelledby targets in order', () => {
    render(
      '<span id="b">Name</span><span id="a">Billing</span><input id="t" aria-labelledby="a b">',
    );
    expect(safeAccessibleName($('#t'))).toBe('Billing Name');
  });

  it('prefers aria-labelledby over aria-label and labels', () => {
    render(
      '<span id="a">Shipping street</span><label for="t">Street</label>' +
        '<input id="t" aria-labelledby="a" aria-label="Address">',
    );
    expect(safeAccessibleName($('#t'))).toBe('Shipping street');
    expect(safeFormLabel($('#t'))).toBe('Street');
  });

  it('falls back to aria-label when aria-labelledby resolves to nothing', () => {
    render('<button id="t" aria-labelledby="missing" aria-label="Close">x</button>');
    expect(safeAccessibleName($('#t'))).toBe('Close');
  });

  it('uses a referenced element’s aria-label but not its own aria-labelledby', () => {
    render(
      '<span id="a" aria-labelledby="deep">Outer</span><span id="deep">Deep</span>' +
        '<span id="b" aria-label="Close dialog">x</span>' +
        '<button id="t" aria-labelledby="a b">?</button>',
    );
    expect(safeAccessibleName($('#t'))).toBe('Outer Close dialog');
  });

  it('uses a hidden aria-labelledby target, but not hidden text inside a target', () => {
    render(
      '<span id="a" hidden>Search <span hidden>Secret</span><span aria-hidden="true">X</span>site</span>' +
        '<input id="t" aria-labelledby="a">',
    );
    expect(safeAccessibleName($('#t'))).toBe('Search site');
  });

  it('ignores an aria-labelledby target that is the field itself', () => {
    render('<span id="l">Quantity</span><input id="t" aria-labelledby="l t">');
    expect(safeAccessibleName($('#t'))).toBe('Quantity');
  });

  it('names a custom select trigger from its label, never from the option it shows', () => {
    render(
      '<span id="l">Fruit</span><button id="t" role="combobox" aria-labelledby="l">Banana</button>' +
        '<span id="l2">Assignee</span>' +
        '<button id="t2" aria-haspopup="listbox" aria-labelledby="l2 t2">Jane Doe</button>' +
        '<label for="t3">Size</label><button id="t3" role="combobox">Large</button>',
    );
    expect(safeAccessibleName($('#t'))).toBe('Fruit');
    expect(safeAccessibleName($('#t2'))).toBe('Assignee');
    expect(safeAccessibleName($('#t3'))).toBe('Size');
    expect(safeFormLabel($('#t3'))).toBe('Size');
  });

  it('never names an option: its name is the choice', () => {
    render(
      '<select aria-label="Plan"><option id="t" aria-label="Pro plan">Pro</option></select>' +
        '<div role="listbox" aria-label="Plan"><div id="t2" role="option" aria-label="Basic">Basic plan</div></div>',
    );
    for (const element of [$('#t'), $('#t2')]) {
      expect(safeAccessibleName(element)).toBeNull();
      expect(safeFormLabel(element)).toBeNull();
      expect(describeLabels(element)).toEqual({});
    }
  });

  it('names nothing from an input button’s value, type=image’s alt or a title', () => {
    render(
      '<input id="t1" type="submit" value="Pay now"><input id="t2" type="button" value="Go">' +
        '<input id="t3" type="reset" value="Clear"><input id="t4" type="image" alt="Buy" src="b.png">' +
        '<button id="t5" title="Delete"></button><input id="t6" placeholder="Search" title="Find">' +
        '<a id="t7" href="/x" title="Home"><img alt="Logo" src="l.png"></a>',
    );
    for (const id of ['t1', 't2', 't3', 't4', 't5', 't6', 't7']) {
      expect(safeAccessibleName($(`#${id}`))).toBeNull();
    }
  });

  it('reads the flat tree of a custom element with a shadow root and a slot', () => {
    render('<x-button id="t" role="button">Buy <b>now</b></x-button>');
    const host = $('#t');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<button part="base"><span>Icon</span> <slot></slot></button>';
    expect(safeAccessibleName(host)).toBe('Icon Buy now');
    expect(safeAccessibleName($('button', root))).toBe('Icon Buy now');
  });

  it('uses a slot’s fallback content when nothing is assigned', () => {
    render('<x-button id="t"></x-button>');
    const root = $('#t').attachShadow({ mode: 'open' });
    root.innerHTML = '<button><slot>Default action</slot></button>';
    expect(safeAccessibleName($('button', root))).toBe('Default action');
  });

  it('resolves ids and labels inside the shadow root the element lives in', () => {
    render(
      '<span id="n">Wrong document scope</span><label for="c">Wrong document label</label><x-form></x-form>',
    );
    const root = $('x-form').attachShadow({ mode: 'open' });
    root.innerHTML =
      '<span id="n">Street</span><input id="s" aria-labelledby="n">' +
      '<label for="c">City</label><input id="c">' +
      '<label>Zip <div id="z" contenteditable="true">12345</div></label>';
    expect(safeAccessibleName($('#s', root))).toBe('Street');
    expect(safeAccessibleName($('#c', root))).toBe('City');
    expect(safeFormLabel($('#c', root))).toBe('City');
    expect(safeFormLabel($('#z', root))).toBe('Zip');
  });

  it('resolves nothing by id for an element outside any document', () => {
    const host = document.createElement('div');
    host.innerHTML = '<span id="a">Detached</span><button aria-labelledby="a">Text</button>';
    expect(safeAccessibleName($('button', host))).toBe('Text');
  });

  describe('stays bounded on huge content', () => {
    it('stops after a few hundred nodes, at a word boundary', () => {
      render(`<button id="t">${'<span>word </span>'.repeat(10_000)}</button>`);
      const name = safeAccessibleName($('#t'))!;
      expect(name.length).toBeLessThanOrEqual(2000);
      expect(name).toMatch(/^(word )*word$/);
    });

    it('stops after 2,000 characters of one huge text node, at a word boundary', () => {
      render('<button id="t"></button>');
      $('#t').append(document.createTextNode('word '.repeat(200_000)));
      const name = safeAccessibleName($('#t'))!;
      expect(name.length).toBeLessThanOrEqual(2000);
      expect(name.length).toBeGreaterThan(1900);
      expect(name).toMatch(/^(word )*word$/);
    });

    it('counts collapsed whitespace, not indentation', () => {
      render('<button id="t"></button>');
      $('#t').append(document.createTextNode(`${' \n\t'.repeat(100_000)}Save`));
      expect(safeAccessibleName($('#t'))).toBe('Save');
    });

    it('drops a word cut by the limit: it could be half an email', () => {
      render('<button id="t"></button>');
      $('#t').append(document.createTextNode(`${'a '.repeat(999)}jane.doe@example.com`));
      const name = safeAccessibleName($('#t'))!;
      expect(name).not.toContain('j');
      expect(name.endsWith('a')).toBe(true);
    });

    it('caps a huge aria-label too', () => {
      render(`<button id="t" aria-label="${'word '.repeat(10_000)}">x</button>`);
      expect(safeAccessibleName($('#t'))!.length).toBeLessThanOrEqual(2000);
    });
  });
});

describe('safeFormLabel', () => {
  it.each([
    ['<label for="t">Email</label><input id="t">', 'Email'],
    ['<label>Email <input id="t"></label>', 'Email'],
    [
      '<label for="t">Street</label><label for="t">(required)</label><input id="t">',
      'Street (required)',
    ],
    ['<label for="t">Agree</label><input id="t" type="checkbox">', 'Agree'],
    ['<label for="t">Plan</label><select id="t"></select>', 'Plan'],
    ['<label for="t">Comment</label><div id="t" contenteditable="true"></div>', 'Comment'],
    ['<label for="t">Pay</label><input id="t" type="submit">', null],
    ['<label for="t">Pay</label><button id="t">Pay now</button>', null],
    ['<a id="t" href="/x">Link</a>', null],
    ['<input id="t" aria-label="Search">', null],
  ])('%s has the label %j', (html, expected) => {
    render(html);
    expect(safeFormLabel($('#t'))).toBe(expected);
  });
});

describe('describeLabels', () => {
  const words = structuralWordSet({});

  it.each([
    ['<label for="t">Email</label><input id="t">', { name: 'Email' }],
    [
      '<label for="t">Email</label><input id="t" aria-label="Work email">',
      { name: 'Work email', label: 'Email' },
    ],
    ['<button id="t">Order 12345</button>', { name: 'Order <number>' }],
    ['<a id="t">Message from <b>Alice</b> Smith</a>', { name: 'Message from <text>' }],
    ['<a id="t">Re: your biopsy results</a>', { name: 'Re: your <text> results' }],
    ['<a id="t"><span>jane.doe</span><span>@example.com</span></a>', { name: '<email>' }],
    ['<button id="t">Call <b>555</b>-<b>123</b>-<b>4567</b></button>', { name: 'Call <number>' }],
    ['<div id="t">Plain</div>', {}],
    ['<input id="t" placeholder="Search">', {}],
  ])('%s is described as %j', (html, expected) => {
    render(html);
    expect(describeLabels($('#t'), words)).toEqual(expected);
  });

  it('fails closed without a word set: every word is <text>', () => {
    render('<label for="t">Email</label><input id="t" aria-label="Work email">');
    // The label scrubs to the same `<text>` as the name, so it is left out.
    expect(describeLabels($('#t'))).toEqual({ name: '<text>' });
  });

  it('keeps name and label within 80 characters', () => {
    render(
      `<label for="t">${'Label '.repeat(50)}</label><input id="t" aria-label="${'Name '.repeat(50)}">`,
    );
    const { name, label } = describeLabels($('#t'), words);
    expect(name).toMatch(/^Name Name/);
    expect(name!.length).toBeLessThanOrEqual(80);
    expect(label!.length).toBeLessThanOrEqual(80);
  });
});

/**
 * Every source the privacy contract forbids, each planted with its own canary. No
 * element of the page may be named with any of them.
 */
const CANARY_PAGE = `
<form>
  <label for="email">Email <input type="hidden" value="tt-canary-hidden-input"></label>
  <input id="email" type="email" value="tt-canary-value-attr" placeholder="tt-canary-placeholder"
    title="tt-canary-title" data-secret="tt-canary-data" aria-describedby="help">
  <p id="help">tt-canary-describedby</p>
  <label>Country <select id="country"><option>tt-canary-option</option>
    <option selected>tt-canary-selected</option></select></label>
  <label>Notes <textarea id="notes">tt-canary-textarea</textarea></label>
  <label>Bio <div id="bio" contenteditable="true">tt-canary-editable <b>tt-canary-editable-child</b></div></label>
  <label>Plain <span contenteditable="plaintext-only">tt-canary-plaintext</span><input id="plain"></label>
  <label>Total <output>tt-canary-output</output><meter>tt-canary-meter</meter>
    <progress>tt-canary-progress</progress><input id="total"></label>
  <label>Search <div role="textbox">tt-canary-role-textbox</div><span role="spinbutton">tt-canary-spin</span>
    <input id="search"></label>
  <span id="ship-label">Shipping <textarea>tt-canary-labelledby-textarea</textarea>
    <input value="tt-canary-labelledby-input"><span contenteditable="true">tt-canary-labelledby-editable</span>
    <select><option selected>tt-canary-labelledby-option</option></select></span>
  <input id="ship" aria-labelledby="ship-label ship-editable ship-textarea">
  <div contenteditable="true"><span id="ship-editable">tt-canary-referenced-editable</span></div>
  <textarea id="ship-textarea">tt-canary-referenced-textarea</textarea>
  <button id="pay" type="button" title="tt-canary-button-title" data-x="tt-canary-button-data"
    aria-describedby="help">Pay <img alt="tt-canary-alt" src="tt-canary-src.png"><span hidden>tt-canary-hidden</span>
    <span aria-hidden="true">tt-canary-aria-hidden</span><script>tt-canary-script</script>
    <style>.tt-canary-style {}</style><template>tt-canary-template</template><noscript>tt-canary-noscript</noscript>
    <svg><title>tt-canary-svg-title</title><desc>tt-canary-svg-desc</desc><text>tt-canary-svg-text</text></svg>
    <iframe srcdoc="tt-canary-srcdoc"></iframe><video>tt-canary-video</video><canvas>tt-canary-canvas</canvas></button>
  <input id="submit" type="submit" value="tt-canary-submit">
  <input id="input-button" type="button" value="tt-canary-input-button">
  <input id="reset" type="reset" value="tt-canary-reset">
  <input id="image" type="image" alt="tt-canary-image-alt" src="tt-canary-image-src.png">
  <a id="orders" href="https://shop.example/orders?q=tt-canary-href#tt-canary-fragment">Orders</a>
  <label>Remember me <input id="remember" type="checkbox" value="tt-canary-checkbox"></label>
  <span id="fruit-label">Fruit</span>
  <button id="fruit" role="combobox" aria-labelledby="fruit-label fruit">tt-canary-combobox-value</button>
  <span id="assignee-label">Assignee</span>
  <button id="assignee" aria-haspopup="listbox" aria-labelledby="assignee-label assignee">tt-canary-listbox-value</button>
  <div role="listbox" aria-label="Colour">
    <div role="option" aria-label="tt-canary-option-aria">tt-canary-role-option</div></div>
  <svg id="icon" role="img" aria-labelledby="icon-title"><title id="icon-title">tt-canary-svg-labelledby</title></svg>
  <button id="close" aria-labelledby="icon-title">Close</button>
</form>`;

describe('never records a forbidden source', () => {
  function plantValues(): void {
    for (const field of document.querySelectorAll('input, textarea')) {
      (field as HTMLInputElement).value = `tt-canary-typed-${field.id}`;
    }
  }

  it('no canary in any name or label of any element on the page', () => {
    render(CANARY_PAGE);
    plantValues();
    const outputs: unknown[] = [];
    for (const element of [document.body, ...document.body.querySelectorAll('*')]) {
      outputs.push(safeAccessibleName(element), safeFormLabel(element), describeLabels(element));
    }
    expect(JSON.stringify(outputs)).not.toMatch(/canary/i);
  });

  it('still names the controls from their allowed sources', () => {
    render(CANARY_PAGE);
    plantValues();
    const names = Object.fromEntries(
      [
        'email',
        'country',
        'notes',
        'bio',
        'plain',
        'total',
        'search',
        'ship',
        'pay',
        'submit',
        'orders',
        'remember',
        'fruit',
        'assignee',
        'close',
      ].map((id) => [id, safeAccessibleName($(`#${id}`))]),
    );
    expect(names).toEqual({
      email: 'Email',
      country: 'Country',
      notes: 'Notes',
      bio: 'Bio',
      plain: 'Plain',
      total: 'Total',
      search: 'Search',
      ship: 'Shipping',
      pay: 'Pay',
      submit: null,
      orders: 'Orders',
      remember: 'Remember me',
      fruit: 'Fruit',
      assignee: 'Assignee',
      close: 'Close',
    });
  });

  it('never reads a value, innerText or a content-carrying property', () => {
    render(CANARY_PAGE);
    plantValues();
    const forbidden = [
      'value',
      'defaultValue',
      'selectedOptions',
      'selectedIndex',
      'checked',
      'innerText',
      'outerText',
      'textContent',
      'innerHTML',
      'outerHTML',
      'placeholder',
      'title',
      'alt',
      'src',
      'href',
      'dataset',
    ];
    const form = $('form');
    const elements = [form, ...form.querySelectorAll('*')];
    for (const element of elements) {
      for (const property of forbidden) {
        Object.defineProperty(element, property, {
          configurable: true,
          get() {
            throw new Error(`${property} was read`);
          },
        });
      }
    }
    try {
      for (const element of elements) {
        expect(() => describeLabels(element)).not.toThrow();
      }
      expect(safeAccessibleName($('#email'))).toBe('Email');
      expect(safeAccessibleName($('#pay'))).toBe('Pay');
    } finally {
      for (const element of elements) {
        for (const property of forbidden) Reflect.deleteProperty(element, property);
      }
    }
  });

  it('reads no attribute but the few it names', () => {
    render(CANARY_PAGE);
    const read = new Set<string>();
    const getAttribute = Element.prototype.getAttribute;
    const hasAttribute = Element.prototype.hasAttribute;
    vi.spyOn(Element.prototype, 'getAttribute').mockImplementation(function (
      this: Element,
      name: string,
    ) {
      read.add(name.toLowerCase());
      return getAttribute.call(this, name);
    });
    vi.spyOn(Element.prototype, 'hasAttribute').mockImplementation(function (
      this: Element,
      name: string,
    ) {
      read.add(name.toLowerCase());
      return hasAttribute.call(this, name);
    });
    for (const element of document.body.querySelectorAll('*')) describeLabels(element);
    const allowed = [
      'aria-labelledby',
      'aria-label',
      'aria-hidden',
      'aria-haspopup',
      'hidden',
      'role',
      'type',
      'id',
      'for',
      // happy-dom's isContentEditable reads it through getAttribute; a browser does so natively.
      'contenteditable',
    ];
    expect(read.size).toBeGreaterThan(0);
    expect([...read].filter((name) => !allowed.includes(name))).toEqual([]);
  });
});
