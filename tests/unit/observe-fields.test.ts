import { describe, expect, it } from 'vitest';
import { pageEventDraft } from '../../lib/schema';
import { record, trusted } from './support/record';

const input = (target: Element) =>
  target.dispatchEvent(trusted(new Event('input', { bubbles: true, composed: true })));
const focus = (target: Element) =>
  target.dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true, composed: true })));
const blur = (target: Element) =>
  target.dispatchEvent(trusted(new FocusEvent('focusout', { bubbles: true, composed: true })));
/** The volunteer presses on a field before typing into it, as people do. */
const press = (target: Element) =>
  target.dispatchEvent(trusted(new PointerEvent('pointerdown', { bubbles: true, composed: true })));
const change = (target: Element) =>
  target.dispatchEvent(trusted(new Event('change', { bubbles: true })));

describe('edits', () => {
  it('records one edit per focus-and-edit burst, whatever the number of keystrokes', () => {
    document.body.innerHTML = '<input type="email" name="email"><input name="other">';
    const [email, other] = document.querySelectorAll('input');
    const { drafts } = record();
    press(email!);
    focus(email!);
    for (let i = 0; i < 17; i++) input(email!);
    blur(email!);
    press(other!);
    focus(other!);
    input(other!);
    press(email!);
    focus(email!);
    input(email!);
    const edits = drafts.filter((draft) => draft.kind === 'edit');
    expect(edits).toHaveLength(3);
    expect(edits.map((edit) => edit.kind === 'edit' && edit.target.field)).toEqual([
      'email',
      'text',
      'email',
    ]);
    for (const draft of drafts) expect(pageEventDraft.safeParse(draft).success).toBe(true);
  });

  it('records edits of contenteditable elements and textareas', () => {
    document.body.innerHTML = '<div contenteditable="plaintext-only"></div><textarea></textarea>';
    const { drafts } = record();
    press(document.querySelector('div')!);
    input(document.querySelector('div')!);
    press(document.querySelector('textarea')!);
    input(document.querySelector('textarea')!);
    expect(drafts.map((draft) => draft.kind === 'edit' && draft.target.field)).toEqual([
      'contenteditable',
      'textarea',
    ]);
  });
});

describe('changes', () => {
  it('records that a picked field changed, and nothing for typed fields', () => {
    document.body.innerHTML =
      '<select><option>a</option><option selected>b</option></select><input type="checkbox" checked><input type="text">';
    const { drafts } = record();
    change(document.querySelector('select')!);
    change(document.querySelector('[type=checkbox]')!);
    change(document.querySelector('[type=text]')!);
    expect(drafts.map((draft) => draft.kind === 'change' && draft.target.field)).toEqual([
      'select',
      'checkbox',
    ]);
    expect(JSON.stringify(drafts)).not.toMatch(/"(checked|selected|value)"/);
  });
});

describe('submits', () => {
  it('counts the form fields by kind', () => {
    document.body.innerHTML = `<form data-testid="checkout">
      <input type="email"><input type="password"><input autocomplete="cc-number">
      <input type="hidden" name="csrf" value="x"><select></select><textarea></textarea>
      <input type="radio" name="r"><input type="radio" name="r"><button>Pay</button></form>`;
    const { drafts } = record();
    document.querySelector('form')!.dispatchEvent(trusted(new Event('submit', { bubbles: true })));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      kind: 'submit',
      target: { tag: 'form', selector: '[data-testid="checkout"]' },
      fields: { email: 1, password: 1, 'cc-number': 1, select: 1, textarea: 1, radio: 2 },
    });
  });
});

describe('focus', () => {
  it('records focus on fields only', () => {
    document.body.innerHTML = '<input type="tel"><button>Go</button>';
    const { drafts } = record();
    focus(document.querySelector('input')!);
    focus(document.querySelector('button')!);
    expect(drafts.map((draft) => draft.kind)).toEqual(['focus']);
  });
});

describe('clipboard', () => {
  it('records that a copy, cut or paste happened, and on what', () => {
    document.body.innerHTML = '<input type="text">';
    const { drafts } = record();
    for (const type of ['copy', 'cut', 'paste']) {
      document.querySelector('input')!.dispatchEvent(trusted(new Event(type, { bubbles: true })));
    }
    expect(drafts.map((draft) => draft.kind === 'clipboard' && draft.action)).toEqual([
      'copy',
      'cut',
      'paste',
    ]);
    for (const draft of drafts) expect(pageEventDraft.safeParse(draft).success).toBe(true);
  });
});
