import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HISTORY_POLL_MS } from '../../lib/recorder/observe-history';
import { record, trusted } from './support/record';

// happy-dom has no Navigation API, like Firefox ESR before it shipped it: the
// recorder falls back to watching the address.
beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState(null, '', '/start');
});
afterEach(() => {
  vi.useRealTimers();
});

const navigations = (drafts: ReturnType<typeof record>['drafts']) =>
  drafts.flatMap((draft) =>
    draft.kind === 'history'
      ? [[draft.method, draft.page.path]]
      : draft.kind === 'hashchange'
        ? [['hash', draft.page.path]]
        : [],
  );

describe('history without the Navigation API', () => {
  it('records pushState as push and replaceState as replace, with the new address', async () => {
    expect('navigation' in window).toBe(false);
    const { drafts } = record();
    history.pushState(null, '', '/products/42');
    await vi.advanceTimersByTimeAsync(HISTORY_POLL_MS);
    history.replaceState(null, '', '/products/42/reviews');
    await vi.advanceTimersByTimeAsync(HISTORY_POLL_MS);
    await vi.advanceTimersByTimeAsync(HISTORY_POLL_MS * 4);
    expect(navigations(drafts)).toEqual([
      ['push', '/products/42'],
      ['replace', '/products/42/reviews'],
    ]);
  });

  it('records a change before the interaction or hash change that follows it, without waiting', () => {
    const { drafts } = record();
    history.pushState(null, '', '/products/42?token=1');
    window.dispatchEvent(new Event('pointerdown'));
    history.replaceState(null, '', '/products/42?sort=price');
    window.dispatchEvent(new Event('pointerdown'));
    history.pushState(null, '', '/products/42?sort=price#reviews');
    window.dispatchEvent(trusted(new HashChangeEvent('hashchange')));
    expect(navigations(drafts)).toEqual([
      ['push', '/products/42'],
      ['replace', '/products/42'],
      ['hash', '/products/42'],
    ]);
  });

  it('leaves a change of the fragment alone to hashchange, and records nothing once stopped', async () => {
    const { drafts, stop } = record();
    const moves = () => drafts.filter((draft) => draft.kind === 'history');
    history.pushState(null, '', '/start#reviews');
    await vi.advanceTimersByTimeAsync(HISTORY_POLL_MS * 2);
    expect(moves()).toEqual([]);
    stop();
    history.pushState(null, '', '/elsewhere');
    await vi.advanceTimersByTimeAsync(HISTORY_POLL_MS * 2);
    expect(moves()).toEqual([]);
  });
});
