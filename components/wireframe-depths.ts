import type { ObservedNode } from '../lib/schema';

// Nesting depth is needed twice, apart from any drawing: to indent the text list of parts,
// and to label the innermost parts first. It lives alone so both can share it.

/** Each node's depth below the document, for indenting the list of parts. */
export function depths(nodes: readonly ObservedNode[]): Map<number, number> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const depth = new Map<number, number>();
  const of = (node: ObservedNode, seen: number): number => {
    const known = depth.get(node.id);
    if (known !== undefined) return known;
    const parent = byId.get(node.parent);
    const value = parent && seen < 64 ? of(parent, seen + 1) + 1 : 0;
    depth.set(node.id, value);
    return value;
  };
  for (const node of nodes) of(node, 0);
  return depth;
}
