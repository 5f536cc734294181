import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCROLL_SETTLE_MS } from '../../lib/recorder/observe-scroll';
import { record, trusted } from './support/record';

afterEach(() => {
  vi.useRealTimers();
  window.scrollY = 0;
});

const scrollPage = () => document.dispatchEvent(trusted(new Event('scroll')));
const click = (element: Element) =>
  element.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, detail: 1 })));

describe('observeScroll', () => {
  it('records where a scroll ended once it settles', () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<button>Buy</button>';
    const { drafts } = record();
    scrollPage();
    vi.advanceTimersByTime(SCROLL_SETTLE_MS / 2);
    scrollPage();
    expect(drafts).toEqual([]);
    vi.advanceTimersByTime(SCROLL_SETTLE_MS + 10);
    expect(drafts.map((draft) => draft.kind)).toEqual(['scroll']);
  });

  it('records a scroll still settling before the click that follows it, as they happened', () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<button data-testid="buy">Buy</button><div id="list"></div>';
    const { drafts } = record();
    // The browser scrolls the button (and a list) into view, then the click comes at once.
    scrollPage();
    document.getElementById('list')!.dispatchEvent(trusted(new Event('scroll')));
    click(document.querySelector('button')!);
    expect(drafts.map((draft) => [draft.kind, 'target' in draft ? draft.target : null])).toEqual([
      ['scroll', null],
      ['scroll', '#list'],
      ['click', expect.objectContaining({ selector: '[data-testid="buy"]' })],
    ]);
    // Recorded once: nothing is left to settle.
    vi.advanceTimersByTime(SCROLL_SETTLE_MS * 4);
    expect(drafts).toHaveLength(3);
  });

  it('records a pending scroll before a key, and when the page is left', () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<input name="q">';
    const { drafts } = record();
    scrollPage();
    document.body.dispatchEvent(
      trusted(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true })),
    );
    scrollPage();
    window.dispatchEvent(trusted(new Event('pagehide')));
    expect(drafts.map((draft) => draft.kind)).toEqual(['scroll', 'key', 'scroll']);
  });
});

describe('a move of the page whose scroll event has not come yet', () => {
  it('is recorded before the click that follows it, and once', () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<button data-testid="buy">Buy</button>';
    const { drafts } = record();
    // Scrolled into view by a script: the browser sends the scroll event with the next frame.
    window.scrollY = 640;
    click(document.querySelector('button')!);
    scrollPage();
    vi.advanceTimersByTime(SCROLL_SETTLE_MS + 10);
    expect(drafts.map((draft) => [draft.kind, 'y' in draft ? draft.y : null])).toEqual([
      ['scroll', 640],
      ['click', null],
    ]);
  });
});
