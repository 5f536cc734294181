import { z } from 'zod';
import { fieldKind } from './field-kind';
import { MAX_OBSERVED_NODES } from './observation-limits';
import { box, pathTemplate, scroll, viewport } from './primitives';
import { elementRole, elementTag } from './target';

export { MAX_OBSERVED_NODES };

/** A document's id: random, made by its recorder; node ids and observation numbers are per document. */
export const documentId = z.string().regex(/^[a-z0-9]{8,16}$/);

/** A node's id in its document's observations: stable while the node stays in the document. */
export const nodeId = z.number().int().positive();

/** States an element can be in that are not values: never checked, selected or pressed. */
export const observedState = z.enum([
  'disabled',
  'expanded',
  'collapsed',
  'required',
  'focusable',
  'hidden',
  'invalid',
  'modal',
  /**
   * Stays in place on screen while the page scrolls (a fixed or stuck header): its box
   * is where it was in the document at the observation that last sent it, and moves
   * with the scroll after that.
   */
  'fixed',
]);
export type ObservedState = z.infer<typeof observedState>;

/**
 * One node of the page's interface skeleton: an interactive element, landmark, heading,
 * list, list item, table (its shape), dialog, tab or menu. Never its text, value, title,
 * alt text or link target; its accessible name only at capture level `labels`, scrubbed.
 */
export const observedNode = z.strictObject({
  id: nodeId,
  /** The nearest observed ancestor's id, or 0 for the document. */
  parent: z.number().int().nonnegative(),
  /** The observed sibling before it in document order, or 0 when it is the first. */
  after: z.number().int().nonnegative(),
  tag: elementTag,
  role: elementRole,
  field: fieldKind.nullable(),
  /**
   * In CSS pixels, relative to the document's top-left corner: scrolling moves no box
   * (a target's box is relative to the viewport; subtract the observation's `scroll`).
   */
  box,
  states: z.array(observedState).max(8),
  /** Headings: 1 to 6. */
  level: z.number().int().min(1).max(6).optional(),
  /** Tables: their shape, never their cells. */
  rows: z.number().int().nonnegative().optional(),
  cols: z.number().int().nonnegative().optional(),
  /** Accessible name, scrubbed, ≤ 80 characters; only at capture level `labels`. */
  name: z.string().max(80).optional(),
  /** A same-origin link's destination, scrubbed like the page's path; never another origin's. */
  path: pathTemplate.optional(),
});
export type ObservedNode = z.infer<typeof observedNode>;

/**
 * A node as an observation event carries it: `id` and `after` may be left out where the
 * list itself says them, which halves what a page's new nodes cost (ids are given in
 * document order, so they mostly count up, and siblings are mostly listed together).
 * Reading the list in order:
 *
 * - no `id`: one more than the id of the node listed just before it;
 * - no `after`: the id of the latest node listed before it with the same `parent`, or 0
 *   when none is.
 *
 * `expandNodes` (sent-nodes.ts) gives every node its fields back.
 */
export const sentNode = z.strictObject({
  ...observedNode.shape,
  id: nodeId.optional(),
  after: observedNode.shape.after.optional(),
});
export type SentNode = z.infer<typeof sentNode>;

/** Why an observation was made. */
export const observationCause = z.enum(['load', 'change', 'action']);

/**
 * What the page offered: the first observation of a document lists its whole skeleton
 * (`full`); each later one only what changed since the one before: the complete record
 * of every node added or changed, including every node whose `parent` or `after` is now
 * different (so a reader that applies the changes in order has the page as it stands),
 * and the ids of nodes removed (their observed descendants go with them).
 */
export const observationFields = {
  doc: documentId,
  /** 1 for the document's first observation, then one more for each. */
  n: z.number().int().positive(),
  full: z.boolean(),
  cause: observationCause,
  viewport,
  /** Where the frame was scrolled as the boxes were measured: the viewport's place in the document. */
  scroll,
  nodes: z.array(sentNode).max(MAX_OBSERVED_NODES),
  removed: z.array(nodeId).max(100_000),
  /** The page had more nodes than the cap: only those in or near the viewport are listed. */
  truncated: z.boolean(),
};

/** The observation an action was taken against, and its target's node there (null: not in it). */
export const actionGrounding = z
  .strictObject({ doc: documentId, n: z.number().int().positive(), node: nodeId.nullable() })
  .describe('The observation the action was taken against, and its target node in it');
export type ActionGrounding = z.infer<typeof actionGrounding>;
