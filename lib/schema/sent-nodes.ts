import type { ObservedNode, SentNode } from './observation';

/**
 * An observation's nodes as it sends them: each `id` and `after` the list already says
 * left out (see `sentNode`). The list must be in the order it is sent in.
 */
export function compactNodes(nodes: readonly ObservedNode[]): SentNode[] {
  const latest = new Map<number, number>();
  let previous: number | null = null;
  return nodes.map((node) => {
    const { id, after, ...rest } = node;
    const sent: SentNode = previous !== null && id === previous + 1 ? { ...rest } : { id, ...rest };
    if (after !== (latest.get(node.parent) ?? 0)) sent.after = after;
    latest.set(node.parent, id);
    previous = id;
    return sent;
  });
}

/** Every node of an observation with its `id` and `after`, as `sentNode` reads them. */
export function expandNodes(nodes: readonly SentNode[]): ObservedNode[] {
  const latest = new Map<number, number>();
  let previous = 0;
  return nodes.map((node) => {
    const id = node.id ?? previous + 1;
    const after = node.after ?? latest.get(node.parent) ?? 0;
    latest.set(node.parent, id);
    previous = id;
    return { ...node, id, after };
  });
}
