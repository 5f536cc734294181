import { z } from 'zod';
import { namedKey } from './event';
import { fieldKind } from './field-kind';
import { documentId, nodeId, observedNode } from './observation';
import { box, pathTemplate, scroll, seq, timestamp, viewport } from './primitives';
import { selector } from './target';

/** The kinds of action an agent can take, as `episodes.jsonl` gives each step. */
export const actionType = z.enum(['goto', 'click', 'type', 'select', 'press', 'scroll', 'tab']);
export type ActionType = z.infer<typeof actionType>;

/**
 * A value an agent fills in, named by the field's kind (`{email}`, `{search}`): the
 * dataset never holds the value the volunteer typed or chose.
 */
export const slot = z.string().regex(/^\{[a-z-]{1,32}\}$/);

/** The slot a field of this kind is filled from. */
export function slotFor(field: z.infer<typeof fieldKind> | null): string {
  return `{${field ?? 'text'}}`;
}

/**
 * One step of an episode, as an action an agent could take. Every field is present on
 * every step (null where it does not apply), so each has one JSON type in every row.
 */
export const episodeAction = z.strictObject({
  /** The event the action was read from (a typed text's last edit, a choice's last change). */
  seq,
  t: timestamp,
  type: actionType,
  /** `goto`: the scrubbed path (on the origin of `origin`). */
  origin: z.string().nullable(),
  path: pathTemplate.nullable(),
  /** `click`, `type`, `select`, `scroll` on an element: the target's node in `observation`. */
  node: nodeId.nullable(),
  /** The target's selector at record time, and the shadow hosts around it, outermost first. */
  selector: selector.nullable(),
  shadow: z.array(selector).nullable(),
  /** The target's role and box at record time, for finding it again when its selector fails. */
  role: z.string().nullable(),
  box: box.nullable(),
  /** The target field's kind, and for `type`/`select` the slot its value comes from. */
  field: fieldKind.nullable(),
  slot: slot.nullable(),
  /** `press`: a named key (or a letter or digit with a modifier held), and the modifiers. */
  key: z.union([namedKey, z.string().regex(/^[a-z0-9]$/)]).nullable(),
  mods: z.array(z.enum(['alt', 'ctrl', 'meta', 'shift'])).nullable(),
  /** `scroll`: by how much, in CSS pixels, since the previous scroll position. */
  dx: z.number().int().nullable(),
  dy: z.number().int().nullable(),
  /** `tab`: what happened to a tab, and its index in the session. */
  tab: z.enum(['open', 'switch', 'close']).nullable(),
  tabIndex: z.number().int().nonnegative().nullable(),
  /** The frame the action happened in, top frame first; empty for the top frame. */
  frame: z.array(z.number().int().nonnegative()),
  /** The observation the action was taken against (in the episode's `observations`), or null. */
  observation: z.strictObject({ doc: documentId, n: z.number().int().positive() }).nullable(),
});
export type EpisodeAction = z.infer<typeof episodeAction>;

/**
 * A page's interface as it stood at one observation: the document's first observation
 * with every later change up to it applied, nodes in document order.
 */
export const episodeObservation = z.strictObject({
  doc: documentId,
  n: z.number().int().positive(),
  origin: z.string(),
  path: pathTemplate,
  viewport,
  scroll,
  truncated: z.boolean(),
  nodes: z.array(observedNode),
});
export type EpisodeObservation = z.infer<typeof episodeObservation>;
