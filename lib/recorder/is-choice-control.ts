import { CHOICE_ROLES } from '../privacy/choice-roles';

/**
 * Radios, checkboxes, options and their labels: naming one would say which option
 * was chosen, which is never recorded, so they get no name even at level `labels`.
 */
export function isChoiceControl(element: Element): boolean {
  const role = element.getAttribute('role');
  if (role && CHOICE_ROLES.has(role.trim().toLowerCase())) return true;
  if (element.localName === 'option') return true;
  if (element.localName === 'input') {
    const type = (element.getAttribute('type') ?? '').trim().toLowerCase();
    return type === 'radio' || type === 'checkbox';
  }
  if (element instanceof HTMLLabelElement && element.control) {
    return isChoiceControl(element.control);
  }
  return false;
}
