import type { FieldKind } from '../schema';

/** Field kinds you type into; the rest change by picking (and are `change` events). */
const TYPED: ReadonlySet<FieldKind> = new Set<FieldKind>([
  'text',
  'search',
  'email',
  'password',
  'tel',
  'url',
  'number',
  'textarea',
  'contenteditable',
  'username',
  'one-time-code',
  'cc-number',
  'cc-exp',
  'cc-csc',
  'cc-name',
  'name',
  'address',
  'postal-code',
  'birthday',
  'other',
]);

export function isTypedKind(kind: FieldKind | null): boolean {
  return kind !== null && TYPED.has(kind);
}

/** Fields where Enter inserts a character instead of submitting. */
export function isMultiline(element: Element): boolean {
  return (
    element.localName === 'textarea' ||
    (element instanceof HTMLElement && element.isContentEditable)
  );
}
