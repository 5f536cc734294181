import { afterEach, describe, expect, it } from 'vitest';
import { findTarget } from '../../scripts/replay/find-target';
import { pageCall } from '../../scripts/replay/page-call';
import type { TargetQuery } from '../../scripts/replay/target-query';

const query = (overrides: Partial<TargetQuery>): TargetQuery => ({
  selector: null,
  shadow: [],
  tag: 'button',
  role: 'button',
  ordinal: null,
  count: null,
  box: null,
  ...overrides,
});

afterEach(() => {
  document.body.innerHTML = '';
});

function shop() {
  document.body.innerHTML = `
    <nav><a href="/shop/">Shop</a></nav>
    <ul>
      <li><button data-testid="add-1042">Add</button></li>
      <li><button data-testid="add-2317">Add</button></li>
      <li><button data-testid="add-3580">Add</button></li>
    </ul>`;
}

describe('findTarget (runs in the page)', () => {
  it('finds the target by its recorded selector', () => {
    shop();
    const found = findTarget(query({ selector: '[data-testid="add-2317"]' }), true);
    expect(found?.[0].getAttribute('data-testid')).toBe('add-2317');
    expect(found?.[1]).toEqual({ by: 'selector', detail: '[data-testid="add-2317"]' });
  });

  it('finds it inside its shadow hosts', () => {
    document.body.innerHTML = '<shop-cart id="cart"></shop-cart>';
    const root = document.getElementById('cart')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<section><button class="pay">Pay</button></section>';
    const found = findTarget(query({ selector: 'button.pay', shadow: ['#cart'] }), true);
    expect(found?.[0]).toBe(root.querySelector('button'));
    expect(found?.[1].by).toBe('selector');
  });

  it('falls back to the position among nodes of its tag and role when the selector is stale', () => {
    shop();
    const stale = query({ selector: '[data-testid="add-notebook"]', ordinal: 2, count: 3 });
    expect(findTarget(stale, false)).toBeNull();
    const found = findTarget(stale, true);
    expect(found?.[0].getAttribute('data-testid')).toBe('add-3580');
    expect(found?.[1]).toEqual({
      by: 'observation',
      detail: 'button 3 of 3, as in the observation',
    });
  });

  it('counts elements inside open shadow roots where their host stands', () => {
    document.body.innerHTML =
      '<button id="a">A</button><x-host id="h"></x-host><button id="c">C</button>';
    document.getElementById('h')!.attachShadow({ mode: 'open' }).innerHTML =
      '<button id="b">B</button>';
    const found = findTarget(query({ ordinal: 1, count: 3 }), true);
    expect(found?.[0].id).toBe('b');
  });

  it('does not take a selector that matches an element of another tag', () => {
    shop();
    const found = findTarget(query({ selector: 'li:nth-child(2)', ordinal: 1, count: 3 }), true);
    expect(found?.[0].getAttribute('data-testid')).toBe('add-2317');
    expect(found?.[1].by).toBe('observation');
  });

  it('takes the nearest box when the page has another number of such nodes', () => {
    shop();
    const found = findTarget(
      query({ ordinal: 0, count: 6, box: { x: 0, y: 0, w: 0, h: 0 } }),
      true,
    );
    expect(found?.[1].by).toBe('observation');
    expect(found?.[1].detail).toContain('nearest the recorded box');
  });

  it('finds nothing when neither way can', () => {
    shop();
    expect(
      findTarget(query({ selector: '#gone', tag: 'select', role: 'combobox' }), true),
    ).toBeNull();
    expect(findTarget(query({ selector: '#gone', tag: null, role: null }), true)).toBeNull();
  });

  it('runs from its source text, as the page gets it', () => {
    shop();
    const expression = pageCall(findTarget, query({ selector: '[data-testid="add-1042"]' }), true);
    const found = new Function(`return ${expression};`)();
    expect(found[0].getAttribute('data-testid')).toBe('add-1042');
  });
});
