import { classifySegment } from './classify-segment';

/**
 * Whether an id, class, or attribute value may appear in a selector: short,
 * word-like, and carrying nothing that looks like an identifier or personal data.
 */
export function isSafeAttributeValue(value: string): boolean {
  if (value.length === 0 || value.length > 40) return false;
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(value)) return false;
  if (/\d{3,}/.test(value)) return false;
  return classifySegment(value) === null;
}
