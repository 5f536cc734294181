import {
  type EpisodeObservation,
  expandNodes,
  type ObservedNode,
  type TraceEvent,
} from '../schema';

type ObservationEvent = Extract<TraceEvent, { kind: 'observation' }>;

/** A document's interface as the observations so far describe it. */
type Folded = {
  nodes: Map<number, ObservedNode>;
  origin: string;
  path: string;
  viewport: { w: number; h: number };
  scroll: { x: number; y: number };
  truncated: boolean;
};

/**
 * Replays each document's observations in order (its first, full one, then each change)
 * and gives the interface as it stood at any observation: nodes in document order.
 * Events must be in sequence order; an observation whose document has no full one
 * before it (its first was deleted in review) starts from what it lists.
 */
export function foldObservations(events: readonly TraceEvent[]) {
  const documents = new Map<string, Folded>();
  const snapshots = new Map<string, EpisodeObservation>();
  for (const event of events) {
    if (event.kind !== 'observation') continue;
    const folded = apply(documents.get(event.doc), event);
    documents.set(event.doc, folded);
    snapshots.set(key(event.doc, event.n), {
      doc: event.doc,
      n: event.n,
      origin: folded.origin,
      path: folded.path,
      viewport: folded.viewport,
      scroll: folded.scroll,
      truncated: folded.truncated,
      nodes: inDocumentOrder(folded.nodes),
    });
  }
  return {
    /** The interface at observation `n` of document `doc`, or null when none was recorded. */
    at(doc: string, n: number): EpisodeObservation | null {
      return snapshots.get(key(doc, n)) ?? null;
    },
  };
}

const key = (doc: string, n: number) => `${doc}#${n}`;

function apply(previous: Folded | undefined, event: ObservationEvent): Folded {
  const nodes = event.full || !previous ? new Map<number, ObservedNode>() : new Map(previous.nodes);
  // A node that stays put on screen moves in the document with the scroll.
  if (previous && nodes.size > 0) followScroll(nodes, previous.scroll, event.scroll);
  for (const id of event.removed) removeWithDescendants(nodes, id);
  for (const node of expandNodes(event.nodes)) nodes.set(node.id, node);
  return {
    nodes,
    origin: event.page.origin,
    path: event.page.path,
    viewport: event.viewport,
    scroll: event.scroll,
    truncated: event.truncated,
  };
}

function followScroll(
  nodes: Map<number, ObservedNode>,
  from: { x: number; y: number },
  to: { x: number; y: number },
): void {
  const [dx, dy] = [to.x - from.x, to.y - from.y];
  if (dx === 0 && dy === 0) return;
  for (const [id, node] of nodes) {
    if (!node.states.includes('fixed')) continue;
    nodes.set(id, { ...node, box: { ...node.box, x: node.box.x + dx, y: node.box.y + dy } });
  }
}

function removeWithDescendants(nodes: Map<number, ObservedNode>, id: number): void {
  const gone = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of nodes.values()) {
      if (!gone.has(node.id) && gone.has(node.parent)) {
        gone.add(node.id);
        grew = true;
      }
    }
  }
  for (const each of gone) nodes.delete(each);
}

/**
 * Nodes in document order: each parent's children by their `after` links, depth first.
 * A node whose parent or previous sibling is unknown is placed after its known siblings.
 */
export function inDocumentOrder(nodes: ReadonlyMap<number, ObservedNode>): ObservedNode[] {
  const children = new Map<number, ObservedNode[]>();
  for (const node of nodes.values()) {
    const parent = nodes.has(node.parent) ? node.parent : 0;
    const list = children.get(parent) ?? [];
    list.push(node);
    children.set(parent, list);
  }
  const ordered: ObservedNode[] = [];
  const visit = (parent: number) => {
    for (const child of siblingOrder(children.get(parent) ?? [])) {
      ordered.push(child);
      visit(child.id);
    }
  };
  visit(0);
  return ordered;
}

function siblingOrder(siblings: ObservedNode[]): ObservedNode[] {
  const byAfter = new Map<number, ObservedNode>();
  for (const node of siblings) byAfter.set(node.after, node);
  const ordered: ObservedNode[] = [];
  const placed = new Set<number>();
  let next = byAfter.get(0);
  while (next && !placed.has(next.id)) {
    ordered.push(next);
    placed.add(next.id);
    next = byAfter.get(next.id);
  }
  for (const node of siblings) if (!placed.has(node.id)) ordered.push(node);
  return ordered;
}
