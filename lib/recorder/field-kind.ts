import type { FieldKind } from '../schema';

const BY_TYPE: Record<string, FieldKind> = {
  text: 'text',
  search: 'search',
  email: 'email',
  password: 'password',
  tel: 'tel',
  url: 'url',
  number: 'number',
  date: 'date',
  time: 'time',
  'datetime-local': 'datetime',
  month: 'month',
  week: 'week',
  color: 'color',
  range: 'range',
  file: 'file',
  checkbox: 'checkbox',
  radio: 'radio',
};

/** `autocomplete` tokens that say more about a field than its type does. */
const BY_AUTOCOMPLETE: Record<string, FieldKind> = {
  'current-password': 'password',
  'new-password': 'password',
  'one-time-code': 'one-time-code',
  username: 'username',
  email: 'email',
  tel: 'tel',
  'tel-national': 'tel',
  'cc-number': 'cc-number',
  'cc-exp': 'cc-exp',
  'cc-exp-month': 'cc-exp',
  'cc-exp-year': 'cc-exp',
  'cc-csc': 'cc-csc',
  'cc-name': 'cc-name',
  name: 'name',
  'given-name': 'name',
  'family-name': 'name',
  'additional-name': 'name',
  'street-address': 'address',
  'address-line1': 'address',
  'address-line2': 'address',
  'address-line3': 'address',
  'address-level1': 'address',
  'address-level2': 'address',
  'postal-code': 'postal-code',
  bday: 'birthday',
};

/** Input types that are buttons, not fields: nothing is typed into them. */
const BUTTON_TYPES = new Set(['button', 'submit', 'reset', 'image', 'hidden']);

/**
 * The kind of field an element is, from its tag, `type` and `autocomplete`
 * attributes only. A field seen once as a password stays one, so a "show password"
 * toggle cannot turn it into a plain text field in the trace.
 */
export function fieldKindOf(element: Element, passwordsSeen: WeakSet<Element>): FieldKind | null {
  const kind = rawFieldKind(element);
  if (kind === 'password') passwordsSeen.add(element);
  if (kind !== null && passwordsSeen.has(element)) return 'password';
  return kind;
}

function rawFieldKind(element: Element): FieldKind | null {
  const tag = element.localName;
  if (tag === 'select') return 'select';
  if (tag === 'textarea') return fromAutocomplete(element) ?? 'textarea';
  if (tag === 'input') {
    const type = (element.getAttribute('type') ?? 'text').trim().toLowerCase();
    if (BUTTON_TYPES.has(type)) return null;
    if (type === 'password') return 'password';
    const byType = BY_TYPE[type] ?? 'other';
    if (byType === 'checkbox' || byType === 'radio' || byType === 'file') return byType;
    return fromAutocomplete(element) ?? byType;
  }
  if (element instanceof HTMLElement && element.isContentEditable) return 'contenteditable';
  return null;
}

function fromAutocomplete(element: Element): FieldKind | null {
  const tokens = (element.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/);
  for (let index = tokens.length - 1; index >= 0; index--) {
    const kind = BY_AUTOCOMPLETE[tokens[index] ?? ''];
    if (kind) return kind;
  }
  return null;
}
