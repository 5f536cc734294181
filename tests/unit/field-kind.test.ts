import { describe, expect, it } from 'vitest';
import { fieldKindOf } from '../../lib/recorder/field-kind';

function element(html: string): Element {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host.firstElementChild!;
}

describe('fieldKindOf', () => {
  it.each([
    ['<input>', 'text'],
    ['<input type="email">', 'email'],
    ['<input type="password">', 'password'],
    ['<input autocomplete="cc-number">', 'cc-number'],
    ['<input autocomplete="shipping postal-code">', 'postal-code'],
    ['<input type="text" autocomplete="one-time-code">', 'one-time-code'],
    ['<input type="text" autocomplete="new-password">', 'password'],
    ['<input type="checkbox">', 'checkbox'],
    ['<input type="radio" autocomplete="email">', 'radio'],
    ['<input type="datetime-local">', 'datetime'],
    ['<input type="weird">', 'other'],
    ['<select></select>', 'select'],
    ['<textarea></textarea>', 'textarea'],
    ['<input type="submit">', null],
    ['<button>Buy</button>', null],
    ['<a href="/x">x</a>', null],
  ])('%s is %s', (html, expected) => {
    expect(fieldKindOf(element(html), new WeakSet())).toBe(expected);
  });

  it('never reads the value', () => {
    const input = element('<input type="text">') as HTMLInputElement;
    Object.defineProperty(input, 'value', {
      get() {
        throw new Error('value was read');
      },
    });
    expect(fieldKindOf(input, new WeakSet())).toBe('text');
  });

  it('keeps a password field a password after "show password" makes it text', () => {
    const seen = new WeakSet<Element>();
    const input = element('<input type="password">');
    expect(fieldKindOf(input, seen)).toBe('password');
    input.setAttribute('type', 'text');
    expect(fieldKindOf(input, seen)).toBe('password');
  });
});
