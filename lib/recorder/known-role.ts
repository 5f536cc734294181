import { getRole } from 'dom-accessibility-api';
import { SKELETON_ROLES } from './skeleton-kind';

/**
 * Roles recorded besides those of the skeleton itself (see skeleton-kind.ts) that a
 * focusable element may have. A `role` attribute is a string the page controls: one
 * outside these lists is not recorded (fail closed), however word-like it looks.
 */
const OTHER_ROLES = new Set('gridcell row group toolbar img'.split(' '));

/** The element's computed ARIA role when it is one of the known ones, else null. */
export function knownRole(element: Element): string | null {
  const role = getRole(element) ?? (element.localName === 'search' ? 'search' : null);
  return role !== null && (SKELETON_ROLES.has(role) || OTHER_ROLES.has(role)) ? role : null;
}
