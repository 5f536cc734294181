import { scrubLabel } from '../privacy/scrub-label';
import { safeAccessibleName, safeFormLabel } from './safe-name';

/**
 * The scrubbed name and form label of an element, for capture level `labels` only:
 * words outside `words` become `<text>` (see scrubLabel).
 * A label equal to the name is left out: it would say the same thing twice.
 */
export function describeLabels(
  element: Element,
  words?: ReadonlySet<string>,
): { name?: string; label?: string } {
  const scrubOrNull = (text: string | null) => (text === null ? null : scrubLabel(text, words));
  const name = scrubOrNull(safeAccessibleName(element));
  const label = scrubOrNull(safeFormLabel(element));
  const labels: { name?: string; label?: string } = {};
  if (name !== null) labels.name = name;
  if (label !== null && label !== name) labels.label = label;
  return labels;
}
