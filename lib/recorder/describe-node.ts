import { isStructural } from '../privacy/is-structural';
import { scrubLabel } from '../privacy/scrub-label';
import type { ObservedNode } from '../schema';
import { fieldKindOf } from './field-kind';
import { isChoiceControl } from './is-choice-control';
import { knownRole } from './known-role';
import { nodeStates } from './node-states';
import { safeAccessibleName } from './safe-name';
import type { RecorderContext } from './types';

/** Where a node sits in the skeleton, and what the walk measured of it. */
export type Placed = {
  id: number;
  parent: number;
  after: number;
  box: ObservedNode['box'];
  screen: { x: number; y: number };
  hidden: boolean;
  interactive: boolean;
};

type NodeContext = Pick<RecorderContext, 'captureLevel' | 'words' | 'passwordsSeen' | 'scrub'>;

/**
 * One node of the skeleton, built from an allowlist of fields: tag, role, field kind,
 * box, states, a heading's level, an HTML table's shape, a same-origin link's scrubbed
 * path, and at capture level `labels` its scrubbed name. Never a value, a choice,
 * text, `title`, `alt`, `placeholder`, or another origin's address.
 */
export function describeNode(element: Element, placed: Placed, context: NodeContext) {
  const node: ObservedNode = {
    id: placed.id,
    parent: placed.parent,
    after: placed.after,
    tag: safeTag(element, context.words),
    role: knownRole(element),
    field: placed.interactive ? fieldKindOf(element, context.passwordsSeen) : null,
    box: placed.box,
    states: nodeStates(element, placed.hidden),
  };
  if (node.role === 'heading') {
    // `aria-level`, else the tag's (h1–h6), else ARIA's default for a heading.
    const level = Number(element.getAttribute('aria-level') ?? element.localName[1]);
    node.level = level >= 1 && level <= 6 ? Math.trunc(level) : 2;
  }
  Object.assign(node, tableShape(element));
  const path = linkPath(element, context);
  if (path) node.path = path;
  if (context.captureLevel === 'labels' && !isChoiceControl(element)) {
    const raw = safeAccessibleName(element);
    const name = raw === null ? null : scrubLabel(raw, context.words);
    if (name) node.name = name;
  }
  return node;
}

/** An HTML table's number of rows and columns: its shape, never a cell. */
function tableShape(element: Element): { rows?: number; cols?: number } {
  if (!(element instanceof HTMLTableElement)) return {};
  let cols = 0;
  for (const cell of Array.from(element.rows[0]?.cells ?? [])) cols += Math.max(1, cell.colSpan);
  return { rows: element.rows.length, cols };
}

/**
 * A tag the page chose (a custom element, an element HTML does not define) is kept only
 * when it is made of structural words, like ids and classes in selectors.
 */
function safeTag(element: Element, words?: ReadonlySet<string>): string {
  const tag = element.localName;
  const chosen = tag.includes('-') || element instanceof HTMLUnknownElement;
  return /^[a-z][a-z0-9-]{0,63}$/.test(tag) && (!chosen || isStructural(tag, words))
    ? tag
    : 'unknown';
}

/** A link to this page's own origin: its path, scrubbed like the page's; others get none. */
function linkPath(element: Element, context: NodeContext): string | null {
  if (!(element instanceof HTMLAnchorElement || element instanceof HTMLAreaElement)) return null;
  try {
    const url = new URL(element.href);
    return url.origin === location.origin ? context.scrub(url.href).path : null;
  } catch {
    return null;
  }
}
