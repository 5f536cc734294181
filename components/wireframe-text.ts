import type { ObservedNode } from '../lib/schema';
import { plural } from '../lib/trace/format';
import { partNoun } from './wireframe-parts';

// The words that describe parts outside the drawing (the text list, the summary and the
// note under it): kept apart so that every text alternative names a part the same way.

/** "link “Cart”, to /cart", "email field, required", "table, 3 rows × 4 columns". */
export function partDescription(node: ObservedNode): string {
  const parts = [node.name ? `${partNoun(node)} “${node.name}”` : partNoun(node)];
  if (node.field && node.role && node.role !== 'textbox') parts.push(node.role);
  if (node.rows !== undefined || node.cols !== undefined) {
    parts.push(`${plural(node.rows ?? 0, 'row')} × ${plural(node.cols ?? 0, 'column')}`);
  }
  if (node.path) parts.push(`to ${node.path}`);
  if (node.states.length > 0) parts.push(node.states.join(', '));
  return parts.join(', ');
}

/** "the clicked button “Buy”", or "the target button “Buy”" when no verb is known. */
export function targetPhrase(node: ObservedNode, verb: string | null): string {
  const noun = node.name ? `${partNoun(node)} “${node.name}”` : partNoun(node);
  return verb ? `the ${verb} ${noun}` : `the target ${noun}`;
}
