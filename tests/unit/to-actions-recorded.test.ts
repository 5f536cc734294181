import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../lib/schema';
import { sessionActions, toActions } from '../../lib/trace/to-actions';
import { clickEvent, SESSION, target } from './support/make-events';
import { observation } from './support/make-observations';

const shop = { origin: 'https://shop.example', path: '/shop/' };
const product = { origin: 'https://shop.example', path: '/products/:id' };

/** Events of one session in the order given, numbered from 0. */
const inOrder = (events: TraceEvent[]) =>
  events.map((event, seq) => ({ ...event, seq, t: 1_763_000_000_000 + seq * 100 }) as TraceEvent);

const navigation = (page: typeof shop, transition: 'link' | 'typed'): TraceEvent => ({
  kind: 'navigation',
  session: SESSION,
  seq: 0,
  t: 0,
  tab: 0,
  frame: [],
  page,
  transition,
  qualifiers: [],
});

const quantity = target({ tag: 'select', role: 'combobox', field: 'select', selector: '#qty' });

describe('actions taken before their page is first observed', () => {
  it('are grounded in no observation, never in the page the tab left', () => {
    const events = inOrder([
      observation({ seq: 0, doc: 'docshop01', page: shop }),
      clickEvent({ page: shop, at: { doc: 'docshop01', n: 1, node: 12 } }),
      navigation(product, 'link'),
      // Picked right after the load, before the product page's first observation.
      { ...clickEvent({ page: product }), kind: 'change', target: quantity } as TraceEvent,
      observation({ seq: 0, doc: 'docprod01', page: product }),
      clickEvent({ page: product }),
    ]);
    const { actions } = toActions(events);
    expect(actions.map((action) => [action.type, action.path, action.observation])).toEqual([
      ['click', '/shop/', { doc: 'docshop01', n: 1 }],
      ['select', '/products/:id', null],
      // Once it is observed, that observation is the one before.
      ['click', '/products/:id', { doc: 'docprod01', n: 1 }],
    ]);
  });

  it('still ground a goto in the page it left', () => {
    const events = inOrder([
      observation({ seq: 0, doc: 'docshop01', page: shop }),
      navigation(product, 'typed'),
    ]);
    expect(toActions(events).actions).toMatchObject([
      { type: 'goto', path: '/products/:id', observation: { doc: 'docshop01', n: 1 } },
    ]);
  });
});

describe('changes of one picked field in a row', () => {
  const country = target({
    tag: 'select',
    role: 'combobox',
    field: 'select',
    selector: '#country',
  });
  const change = (on = country, at?: { doc: string; n: number; node: number }) =>
    ({
      ...clickEvent({ page: product, ...(at ? { at } : {}) }),
      kind: 'change',
      target: on,
    }) as TraceEvent;

  it('are one choice: typing "United States" passes United Kingdom on the way', () => {
    const events = inOrder([
      observation({ seq: 0, doc: 'docprod01', page: product }),
      change(country, { doc: 'docprod01', n: 1, node: 8 }),
      change(country, { doc: 'docprod01', n: 1, node: 8 }),
      change(quantity),
      clickEvent({ page: product }),
      change(quantity),
    ]);
    const { actions } = toActions(events);
    expect(actions.map((action) => [action.type, action.selector, action.seq])).toEqual([
      ['select', '#country', 2],
      ['select', '#qty', 3],
      ['click', 'main > button:nth-child(2)', 4],
      ['select', '#qty', 5],
    ]);
    expect(actions[0]).toMatchObject({ node: 8, t: events[2]!.t });
  });

  it('are not joined across the edge of a task', () => {
    const events = inOrder([change(quantity), change(quantity)]);
    const tasks = sessionActions(events, [
      { start: 0, end: 0 },
      { start: 1, end: 1 },
    ]);
    expect(tasks.map((task) => task.actions.map((action) => action.seq))).toEqual([[0], [1]]);
  });
});

describe('a scroll of a page the tab has left', () => {
  it('is no action: its report came after the load that replaced the page', () => {
    const scrolled = {
      ...clickEvent({ page: shop, at: { doc: 'docshop01', n: 1, node: null } }),
      kind: 'scroll',
      x: 0,
      y: 1164,
    } as TraceEvent;
    const events = inOrder([
      observation({ seq: 0, doc: 'docshop01', page: shop }),
      clickEvent({ page: shop, at: { doc: 'docshop01', n: 1, node: 12 } }),
      navigation(product, 'link'),
      scrolled,
      observation({ seq: 0, doc: 'docprod01', page: product }),
    ]);
    expect(toActions(events).actions.map((action) => action.type)).toEqual(['click']);
    // Before any load, the same report is the volunteer's scroll.
    const before = inOrder([observation({ seq: 0, doc: 'docshop01', page: shop }), scrolled]);
    expect(toActions(before).actions).toMatchObject([{ type: 'scroll', dy: 1164 }]);
  });
});

describe('a scroll of the new page before its first observation is recorded', () => {
  it('is an action: the page the tab shows, named by the observation being made', () => {
    const events = inOrder([
      observation({ seq: 0, doc: 'docshop01', page: shop }),
      navigation(product, 'link'),
      {
        ...clickEvent({ page: product, at: { doc: 'docprod01', n: 1, node: null } }),
        kind: 'scroll',
        x: 0,
        y: 400,
      } as TraceEvent,
      observation({ seq: 0, doc: 'docprod01', page: product }),
    ]);
    expect(toActions(events).actions).toMatchObject([
      { type: 'scroll', dy: 400, observation: { doc: 'docprod01', n: 1 } },
    ]);
  });
});
