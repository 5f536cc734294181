import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildSelector } from '../../lib/recorder/build-selector';

const options = { testIdAttributes: ['data-testid'] };

beforeEach(() => {
  document.body.innerHTML = '';
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
