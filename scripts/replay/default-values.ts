import type { FieldKind } from '../../lib/schema';

/**
 * What a replay types or chooses when the values file names no value for a field's
 * kind. Made up, valid for their kind, and never from the dataset (which holds none).
 *
 * - `checkbox`, `radio`: `on` checks the control, `off` unchecks a checkbox.
 * - `select`: an option's value or label; empty picks the first option not already chosen.
 * - `file`: a path; empty uploads a small text file the replay writes itself.
 */
export const DEFAULT_VALUES: Readonly<Record<FieldKind, string>> = {
  text: 'Sample text',
  search: 'mug',
  email: 'volunteer@example.com',
  password: 'Correct-horse-9',
  tel: '+1 555 0100',
  url: 'https://example.com/',
  number: '3',
  date: '2030-01-15',
  time: '09:30',
  datetime: '2030-01-15T09:30',
  month: '2030-01',
  week: '2030-W03',
  color: '#3366cc',
  range: '5',
  file: '',
  checkbox: 'on',
  radio: 'on',
  select: '',
  textarea: 'Please leave the parcel at the door.',
  contenteditable: 'Happy birthday!',
  username: 'volunteer',
  'one-time-code': '123456',
  'cc-number': '4242424242424242',
  'cc-exp': '12/30',
  'cc-csc': '123',
  'cc-name': 'Alex Example',
  name: 'Alex Example',
  address: '1 Example Street',
  'postal-code': '10115',
  birthday: '1990-05-17',
  other: 'Sample',
};

/** Whether a checkbox or radio value means "checked". */
export function isChecked(value: string): boolean {
  return !/^(|0|false|off|no|unchecked)$/i.test(value.trim());
}
