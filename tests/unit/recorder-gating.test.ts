import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileAllowlist } from '../../lib/privacy/allowlist';
import { HISTORY_POLL_MS } from '../../lib/recorder/observe-history';
import { record, trusted } from './support/record';

const allowed = compileAllowlist([{ match: 'http://localhost/*', excludePaths: ['/account/*'] }]);
const click = (target: Element) =>
  target.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
const input = (target: Element) =>
  target.dispatchEvent(trusted(new Event('input', { bubbles: true, composed: true })));
const focusIn = (target: Element, isTrusted = true) => {
  const event = new FocusEvent('focusin', { bubbles: true, composed: true });
  target.dispatchEvent(isTrusted ? trusted(event) : event);
};
const focusOut = (target: Element, isTrusted = true) => {
  const event = new FocusEvent('focusout', { bubbles: true, composed: true });
  target.dispatchEvent(isTrusted ? trusted(event) : event);
};

beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState(null, '', '/start');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a recorder on a single-page site with an excluded path', () => {
  it('goes quiet on the excluded path, names it nowhere, and wakes up when the page leaves it', async () => {
    document.body.innerHTML = '<button data-testid="b">Go</button><input data-testid="f">';
    const button = document.querySelector('button')!;
    const field = document.querySelector('input')!;
    const seen: string[] = [];
    const { drafts } = record('structure', (url) => {
      seen.push(url);
      return allowed(url);
    });
    click(button);
    for (const path of ['/account/settings', '/Account/x', '/%61ccount/x', '/shop/../account/']) {
      history.pushState(null, '', path);
      await vi.advanceTimersByTimeAsync(HISTORY_POLL_MS * 2);
      click(button);
      focusIn(field);
      input(field);
    }
    expect(drafts.map((draft) => draft.kind)).toEqual(['click']);
    history.pushState(null, '', '/products');
    await vi.advanceTimersByTimeAsync(HISTORY_POLL_MS * 2);
    click(button);
    expect(drafts.map((draft) => draft.kind)).toEqual(['click', 'history', 'click']);
    expect(JSON.stringify(drafts)).not.toMatch(/account/i);
    expect(seen.some((url) => url.includes('/account/settings'))).toBe(true);
  });

  it('does no describing work while it may not record', () => {
    document.body.innerHTML = '<button>Go</button>';
    const button = document.querySelector('button')!;
    const rect = vi.spyOn(button, 'getBoundingClientRect');
    const { drafts } = record('structure', () => false);
    click(button);
    expect(drafts).toEqual([]);
    expect(rect).not.toHaveBeenCalled();
  });
});

describe('only trusted events shape what is recorded', () => {
  it('ignores synthetic popstate and hashchange', async () => {
    const { drafts } = record();
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.advanceTimersByTimeAsync(HISTORY_POLL_MS * 2);
    expect(drafts).toEqual([]);
  });

  it('keeps one edit per burst when the page fires synthetic focus events between keys', () => {
    document.body.innerHTML = '<input name="q"><button>x</button>';
    const field = document.querySelector('input')!;
    const button = document.querySelector('button')!;
    const { drafts } = record();
    for (let key = 0; key < 12; key++) {
      focusOut(field, false);
      focusIn(button, false);
      focusIn(field, false);
      input(field);
    }
    expect(drafts.filter((draft) => draft.kind === 'edit')).toHaveLength(1);
  });

  it('keeps one edit per burst when the page blurs and refocuses the field on every key', () => {
    document.body.innerHTML = '<input name="q"><button>x</button>';
    const field = document.querySelector('input')!;
    const button = document.querySelector('button')!;
    const { drafts } = record();
    for (let key = 0; key < 12; key++) {
      // Caused by script, these are trusted: the burst still goes on.
      focusOut(field);
      focusIn(button);
      focusIn(field);
      input(field);
      vi.advanceTimersByTime(150);
    }
    expect(drafts.filter((draft) => draft.kind === 'edit')).toHaveLength(1);
  });

  it('starts a new burst when the volunteer clicks elsewhere or tabs away, and comes back', () => {
    document.body.innerHTML = '<input name="q"><button>x</button>';
    const field = document.querySelector('input')!;
    const button = document.querySelector('button')!;
    const { drafts } = record();
    const pointerDown = (target: Element) =>
      target.dispatchEvent(
        trusted(new PointerEvent('pointerdown', { bubbles: true, composed: true })),
      );
    input(field);
    pointerDown(field);
    input(field);
    pointerDown(button);
    input(field);
    field.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true })));
    input(field);
    // Synthetic presses are the page's, not the volunteer's: the burst goes on.
    button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    input(field);
    expect(drafts.filter((draft) => draft.kind === 'edit')).toHaveLength(3);
  });

  it('keeps one edit when the page moves focus between two fields on every key', () => {
    document.body.innerHTML = '<input name="a"><input name="b">';
    const [a, b] = document.querySelectorAll('input');
    const { drafts } = record();
    for (let key = 0; key < 10; key++) {
      const field = key % 2 === 0 ? a! : b!;
      focusIn(field);
      input(field);
    }
    expect(drafts.filter((draft) => draft.kind === 'edit')).toHaveLength(1);
    // Only the first focus (as on a page load) is recorded: the rest followed no move of the volunteer's.
    expect(drafts.filter((draft) => draft.kind === 'focus')).toHaveLength(1);
  });

  it('does not record the scroll of a field typed into, whose position follows its text', () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<input name="q"><textarea></textarea><div id="list"></div>';
    const { drafts } = record();
    for (const selector of ['input', 'textarea', '#list']) {
      document.querySelector(selector)!.dispatchEvent(trusted(new Event('scroll')));
    }
    vi.advanceTimersByTime(1000);
    expect(drafts.filter((draft) => draft.kind === 'scroll')).toHaveLength(1);
  });
});
