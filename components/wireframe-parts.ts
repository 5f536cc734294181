import type { ObservedNode } from '../lib/schema';

// What a recorded part is, in words and in colour: shared by the drawing, its labels,
// the legend and the text list, so that all four name a part the same way.

/** How a part is drawn: its colour says what kind of part it is. */
export type PartKind = 'landmark' | 'heading' | 'control' | 'other';

const LANDMARKS = new Set([
  'banner',
  'navigation',
  'main',
  'contentinfo',
  'complementary',
  'region',
  'form',
  'search',
  'dialog',
  'alertdialog',
]);
const CONTROLS = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'checkbox',
  'radio',
  'combobox',
  'listbox',
  'option',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'tab',
  'switch',
  'slider',
  'spinbutton',
]);
const CONTROL_TAGS = new Set(['a', 'button', 'input', 'select', 'textarea', 'summary']);

export function partKind(node: ObservedNode): PartKind {
  if (node.role === 'heading' || /^h[1-6]$/.test(node.tag)) return 'heading';
  if (node.field || (node.role ? CONTROLS.has(node.role) : CONTROL_TAGS.has(node.tag))) {
    return 'control';
  }
  if (node.role && LANDMARKS.has(node.role)) return 'landmark';
  return 'other';
}

/** "button", "heading 2", "email field": what a part is, from its role, or its tag. */
export function partNoun(node: ObservedNode): string {
  if (node.field) return `${node.field.replace(/-/g, ' ')} field`;
  const noun = (node.role ?? node.tag).replace(/-/g, ' ');
  return node.level ? `${noun} ${node.level}` : noun;
}

/** The part as the drawing labels it: its noun, and its name when one was recorded. */
export function partLabel(node: ObservedNode, room = 28): string {
  const noun = partNoun(node);
  if (!node.name) return noun;
  const name = node.name.length > room ? `${node.name.slice(0, room - 1)}…` : node.name;
  return `${noun} “${name}”`;
}
