import { z } from 'zod';

/**
 * What kind of field a control is, derived only from its tag, `type` and
 * `autocomplete` attributes — never from what it holds.
 */
export const fieldKind = z.enum([
  'text',
  'search',
  'email',
  'password',
  'tel',
  'url',
  'number',
  'date',
  'time',
  'datetime',
  'month',
  'week',
  'color',
  'range',
  'file',
  'checkbox',
  'radio',
  'select',
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
export type FieldKind = z.infer<typeof fieldKind>;
