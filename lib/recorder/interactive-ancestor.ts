const INTERACTIVE = [
  'a[href]',
  'button',
  'input',
  'select',
  'textarea',
  'label',
  'summary',
  'option',
  '[contenteditable]:not([contenteditable="false"])',
  ...['button', 'link', 'checkbox', 'radio', 'menuitem', 'tab', 'option', 'switch', 'combobox'].map(
    (role) => `[role="${role}"]`,
  ),
].join(',');

/**
 * The control a click acted on: the button around the icon, the link around the
 * text. Agents act on controls, and a control's name is what labels describe.
 */
export function interactiveAncestor(element: Element): Element {
  return element.closest(INTERACTIVE) ?? element;
}
