import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isSafeAttributeValue } from '../../lib/privacy/is-safe-attribute-value';
import { structuralWordSet } from '../../lib/privacy/structural-words';
import { buildSelector } from '../../lib/recorder/build-selector';

/** The built-in structural words, as the background hands them to every recorder. */
const words = structuralWordSet({});
const options = { testIdAttributes: ['data-testid'], words };

beforeEach(() => {
  document.body.innerHTML = '';
  // A stopped clock: the search's time budget is tested on its own ("on a large page");
  // elsewhere a slow, cold or busy test worker must not turn a selector into positions.
  vi.spyOn(performance, 'now').mockReturnValue(0);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('buildSelector', () => {
  it('prefers a unique study test id', () => {
    document.body.innerHTML =
      '<main><button data-testid="buy">Buy</button><button>Other</button></main>';
    const button = document.querySelector('[data-testid="buy"]')!;
    expect(buildSelector(button, options)).toBe('[data-testid="buy"]');
  });

  it('is unique at record time', () => {
    document.body.innerHTML = `<ul>${'<li><button class="add">Add</button></li>'.repeat(20)}</ul>`;
    const buttons = document.querySelectorAll('button');
    const seventh = buttons[6]!;
    const selector = buildSelector(seventh, options);
    expect(document.querySelectorAll(selector)).toHaveLength(1);
    expect(document.querySelector(selector)).toBe(seventh);
  });

  it('skips ids, classes and attributes that carry content or identifiers', () => {
    document.body.innerHTML = `
      <form>
        <input id="user-jane.doe@mail.example" class="u-48213 token-eyJhbGciOiJIUzI1NiJ9xYz"
               name="q-9981231" data-secret="hunter2" value="hunter2" placeholder="Search hunter2"
               title="hunter2" aria-label="hunter2">
        <input>
      </form>`;
    const input = document.querySelector('input')!;
    const selector = buildSelector(input, options);
    for (const leak of ['jane', '48213', 'eyJ', '9981231', 'hunter2', 'secret']) {
      expect(selector).not.toContain(leak);
    }
    expect(document.querySelector(selector)).toBe(input);
  });

  it('uses safe structural names', () => {
    document.body.innerHTML = '<form><input name="email"><input name="password"></form>';
    const input = document.querySelector('[name="password"]')!;
    expect(buildSelector(input, options)).toContain('password');
  });

  it('builds selectors inside shadow roots relative to the root', () => {
    const host = document.createElement('x-card');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'closed' });
    root.innerHTML = '<div><button>One</button><button>Two</button></div>';
    const second = root.querySelectorAll('button')[1]!;
    const selector = buildSelector(second, options);
    expect(root.querySelector(selector)).toBe(second);
  });
});

describe('on a large page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Every read of the clock is 1 ms after the last: each uniqueness check looks slow. */
  function slowClock() {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => {
      now += 1;
      return now;
    });
  }

  it('stops searching when the budget is spent, and then uses positions under a unique id', () => {
    document.body.innerHTML = `<main id="shop"><ul>${'<li><button class="add">Add</button></li>'.repeat(20)}</ul></main>`;
    slowClock();
    const seventh = document.querySelectorAll('button')[6]!;
    const selector = buildSelector(seventh, options);
    expect(selector.startsWith('#shop > ')).toBe(true);
    expect(document.querySelectorAll(selector)).toHaveLength(1);
    expect(document.querySelector(selector)).toBe(seventh);
  });

  it('skips the search on a page known to be large until its content is replaced', () => {
    document.body.innerHTML = `<ul>${'<li><button class="add">Add</button></li>'.repeat(20)}</ul>`;
    slowClock();
    buildSelector(document.querySelectorAll('button')[3]!, options);
    vi.restoreAllMocks();
    const scans = vi.spyOn(document.documentElement, 'querySelectorAll');
    const fifth = document.querySelectorAll('button')[4]!;
    const selector = buildSelector(fifth, options);
    expect(scans).not.toHaveBeenCalled();
    expect(document.querySelector(selector)).toBe(fifth);
    expect(document.querySelectorAll(selector)).toHaveLength(1);

    document.body.innerHTML = '<form><input name="email"><input name="password"></form>';
    expect(buildSelector(document.querySelector('[name="password"]')!, options)).toContain(
      'password',
    );
  });
});

describe('ids and classes: structural words only', () => {
  it.each([
    ['search', true],
    ['add-to-cart', true],
    ['addToCart', true],
    ['nav_main', true],
    ['btn-primary', true],
    ['item-2', true],
    ['msg-from-alice', false],
    ['thread-jane-doe', false],
    ['msgFromAlice', false],
    ['Jean-Luc', false],
    ['hiv-test', false],
    ['item-123', false],
    ['user@mail', false],
    ['', false],
  ])('%s is safe: %s', (value, safe) => {
    expect(isSafeAttributeValue(value, words)).toBe(safe);
  });

  it('keeps nothing but short numbers without a word set', () => {
    expect(isSafeAttributeValue('search')).toBe(false);
    expect(isSafeAttributeValue('add-to-cart')).toBe(false);
  });

  it('never puts a name from an id or class in a selector, and stays unique', () => {
    document.body.innerHTML = `
      <ul>
        <li id="msg-from-alice" class="thread-jane-doe"><a class="thread-jane-doe">Open</a></li>
        <li id="msg-from-bob" class="thread-bob-ray"><a class="thread-bob-ray">Open</a></li>
      </ul>`;
    for (const element of document.querySelectorAll('li, a')) {
      const selector = buildSelector(element, options);
      for (const secret of ['alice', 'jane', 'doe', 'bob', 'ray', 'msg', 'thread']) {
        expect(selector).not.toContain(secret);
      }
      expect(document.querySelectorAll(selector)).toHaveLength(1);
      expect(document.querySelector(selector)).toBe(element);
    }
  });

  it('uses structural ids and classes', () => {
    document.body.innerHTML =
      '<form id="search"><input name="q"></form><button class="add-to-cart">Add</button><button>Other</button>';
    expect(buildSelector(document.querySelector('form')!, options)).toBe('#search');
    expect(buildSelector(document.querySelector('.add-to-cart')!, options)).toBe('.add-to-cart');
  });

  it('fails closed without a word set: positions only, but study test ids still count', () => {
    document.body.innerHTML =
      '<form id="search"><button class="add-to-cart">Add</button><button data-testid="buy">Buy</button></form>';
    const bare = { testIdAttributes: ['data-testid'] };
    const add = document.querySelector('.add-to-cart')!;
    const selector = buildSelector(add, bare);
    expect(selector).not.toMatch(/search|add|cart/);
    expect(document.querySelector(selector)).toBe(add);
    expect(buildSelector(document.querySelector('[data-testid="buy"]')!, bare)).toBe(
      '[data-testid="buy"]',
    );
  });
});

describe('study test ids', () => {
  it('may carry digits, but never quotes or emails', () => {
    document.body.innerHTML =
      '<button data-testid="add-to-cart-1042">Add</button><button data-testid=\'x"]\'>B</button><button data-testid="jane@mail.example">C</button>';
    const [first, second, third] = document.querySelectorAll('button');
    expect(buildSelector(first!, options)).toBe('[data-testid="add-to-cart-1042"]');
    expect(buildSelector(second!, options)).not.toContain('"]"]');
    expect(buildSelector(third!, options)).not.toContain('jane');
  });
});

describe('structuralPath', () => {
  it('is unique and holds nothing but tags and positions', async () => {
    const { structuralPath } = await import('../../lib/recorder/structural-path');
    document.body.innerHTML = `<main><ul>${'<li><b class="x-secret">x</b></li>'.repeat(30)}</ul></main>`;
    const target = document.querySelectorAll('b')[17]!;
    const path = structuralPath(target);
    expect(document.querySelectorAll(path)).toHaveLength(1);
    expect(document.querySelector(path)).toBe(target);
    expect(path).not.toContain('secret');
  });
});
