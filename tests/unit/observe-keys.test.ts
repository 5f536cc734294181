import { describe, expect, it } from 'vitest';
import { record, trusted } from './support/record';

function press(target: Element, init: KeyboardEventInit & { altGraph?: boolean }) {
  const event = trusted(new KeyboardEvent('keydown', { bubbles: true, composed: true, ...init }));
  // happy-dom reports AltGraph whenever Alt is held; browsers report it for AltGr only.
  const modifierState = event.getModifierState.bind(event);
  event.getModifierState = (key: string) =>
    key === 'AltGraph' ? Boolean(init.altGraph) : modifierState(key);
  target.dispatchEvent(event);
}

describe('keys', () => {
  it('never records a key that types a character', () => {
    document.body.innerHTML = '<input type="text"><textarea></textarea>';
    const field = document.querySelector('input')!;
    const { drafts } = record();
    for (const key of ['a', 'Z', '7', ' ', 'Backspace', 'Delete', 'é'])
      press(field, { key, code: 'KeyA' });
    press(field, { key: 'A', code: 'KeyA', shiftKey: true });
    press(field, { key: '@', code: 'KeyQ', ctrlKey: true, altKey: true });
    press(document.body, { key: '@', code: 'KeyQ', altKey: true, altGraph: true });
    press(document.querySelector('textarea')!, { key: 'Enter', code: 'Enter' });
    expect(drafts).toEqual([]);
  });

  it('records named keys, and caret keys only outside fields', () => {
    document.body.innerHTML = '<input type="search"><main tabindex="0"></main>';
    const { drafts } = record();
    const field = document.querySelector('input')!;
    press(field, { key: 'Enter', code: 'Enter' });
    press(field, { key: 'Tab', code: 'Tab' });
    press(field, { key: 'ArrowLeft', code: 'ArrowLeft' });
    press(document.querySelector('main')!, { key: 'PageDown', code: 'PageDown' });
    expect(drafts.map((draft) => draft.kind === 'key' && draft.key)).toEqual([
      'Enter',
      'Tab',
      'PageDown',
    ]);
  });

  it('records shortcut chords by physical key', () => {
    document.body.innerHTML = '<input type="text">';
    const { drafts } = record();
    press(document.querySelector('input')!, { key: 'c', code: 'KeyC', ctrlKey: true });
    press(document.body, { key: 'ß', code: 'KeyS', altKey: true });
    press(document.body, { key: '1', code: 'Digit1', metaKey: true, shiftKey: true });
    expect(drafts.map((draft) => draft.kind === 'key' && [draft.key, draft.mods])).toEqual([
      ['c', ['ctrl']],
      ['s', ['alt']],
      ['1', ['meta', 'shift']],
    ]);
  });

  it('ignores auto-repeat', () => {
    const { drafts } = record();
    press(document.body, { key: 'Escape', code: 'Escape', repeat: true });
    expect(drafts).toEqual([]);
  });
});
