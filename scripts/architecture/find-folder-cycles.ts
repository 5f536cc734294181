/**
 * The cycles of a directed graph, one per strongly connected component of more than one
 * node (Tarjan's algorithm), each given as a path through that component.
 */
export function findFolderCycles(
  edges: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const nodes = new Set<string>([...edges.keys()]);
  for (const targets of edges.values()) for (const target of targets.keys()) nodes.add(target);

  const connect = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const target of edges.get(node)?.keys() ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(node, Math.min(low.get(node) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) as number, index.get(target) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component);
    }
  };
  for (const node of [...nodes].sort()) if (!index.has(node)) connect(node);
  return components.map((component) => cycleThrough(component, edges));
}

/** A shortest cycle from the component's first node back to itself, found breadth-first. */
function cycleThrough(
  component: string[],
  edges: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0] as string;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const target of edges.get(node)?.keys() ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0] as string) as string);
        return path;
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  return [...component].sort();
}
