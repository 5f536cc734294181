// Plain constants, no zod: the recorder imports these, and its bundle must stay small.

/** Keys that move the caret inside a field: recorded only outside editables. */
export const CARET_KEYS = [
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'PageUp',
  'PageDown',
  'Home',
  'End',
] as const;

/** Keys recorded wherever they are pressed (Enter only where it inserts no line break). */
export const ANYWHERE_KEYS = [
  'Enter',
  'Tab',
  'Escape',
  ...(['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12'] as const),
] as const;

/** Keys that never produce a character; recorded by name. */
export const NAMED_KEYS = [...ANYWHERE_KEYS, ...CARET_KEYS] as const;
export type NamedKey = (typeof NAMED_KEYS)[number];
