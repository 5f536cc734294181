import type { CaptureLevel, SentNode } from '../schema';
import { CHOICE_ROLES } from './choice-roles';
import { ARIA_ROLES, HTML_TAGS } from './element-vocabulary';
import { isStructural } from './is-structural';
import { scrubLabel } from './scrub-label';
import { restrictPath } from './structural-words';

/** What an observation's nodes are held to: the terms in force for its page. */
export type ObservationTerms = {
  captureLevel: CaptureLevel;
  /** The study's structural words (`structuralWords()`). */
  words: ReadonlySet<string>;
  /**
   * Whether an address (origin and scrubbed path) is certainly allowed: listed and not
   * under an excluded path, placeholders counting against it (`recordedPageCheck`).
   */
  allowsPage: (origin: string, path: string) => boolean;
};

/**
 * An event with its observation's nodes held to the terms, and how many fields were
 * removed or replaced; the event itself (and each node itself) when nothing had to go.
 * Events of other kinds pass as they are.
 */
export type ObservationCheck = <E extends { kind: string }>(event: E) => CheckedObservation<E>;
export type CheckedObservation<E> = { event: E; stripped: number };

/** Placeholder for a tag the page chose that is not made of structural words. */
export const UNKNOWN_TAG = 'unknown';

/**
 * Compiles the check every part behind the recorder applies to observations (the
 * background before storing, the collector before inserting), so a stale or modified
 * recorder cannot put more of the page into them than the volunteer agreed to. Node by
 * node:
 *
 * - `name`: removed at capture level `structure`; at `labels`, removed from choice
 *   controls (radios, checkboxes, options, switches: naming the one acted on would say
 *   what was chosen) and otherwise scrubbed again like a target's name (`scrubLabel`
 *   with the study's words; it leaves a scrubbed name as it is);
 * - `path` (a same-origin link's destination): removed when it is not a plain path on
 *   the page's origin (`//host…` or a backslash), or when the address it names is not
 *   certainly allowed (another site's section, an excluded path, normalised as pages
 *   are); otherwise its segments that are not structural become `:text`. The node stays:
 *   that there is a link is structure, where it goes is what the study may not see;
 * - `tag` and `role`: kept when HTML and WAI-ARIA name them or when they are made of
 *   structural words; otherwise the tag becomes `unknown` and the role `null`.
 *
 * Cost: an observation holds up to 1,500 nodes and ingest must keep up with thousands
 * of events a second, so nothing is compiled per event or node. Verdicts on tags,
 * roles, names and paths are remembered per compiled check (a page repeats the same
 * few), so a node costs a few map look-ups (about 50 to 200 ns measured here); an
 * observation whose nodes all pass is returned as it is, without copying, and a node
 * that must change is rebuilt from the schema's fields only (`rebuilt`).
 */
export function compileObservationCheck(terms: ObservationTerms): ObservationCheck {
  const { captureLevel, words, allowsPage } = terms;
  // Verdicts, remembered: `null` is "remove it" (a name or path) or "no role".
  const tags = new Map<string, string>();
  const roles = new Map<string, string | null>();
  const names = new Map<string, string | null>();
  const pathsByOrigin = new Map<string, Map<string, string | null>>();

  const tagOf = (tag: string): string => {
    let kept = tags.get(tag);
    if (kept === undefined) {
      kept = HTML_TAGS.has(tag) || isStructural(tag, words) ? tag : UNKNOWN_TAG;
      remember(tags, tag, kept);
    }
    return kept;
  };
  const roleOf = (role: string): string | null => {
    let kept = roles.get(role);
    if (kept === undefined) {
      kept = ARIA_ROLES.has(role) || isStructural(role, words) ? role : null;
      remember(roles, role, kept);
    }
    return kept;
  };
  const nameOf = (node: SentNode, name: string): string | null => {
    if (captureLevel !== 'labels' || isChoice(node)) return null;
    let kept = names.get(name);
    if (kept === undefined) {
      kept = scrubLabel(name, words);
      remember(names, name, kept);
    }
    return kept;
  };
  const pathOf = (paths: Map<string, string | null>, origin: string, path: string) => {
    let kept = paths.get(path);
    if (kept === undefined) {
      kept = isPlainPath(path) && allowsPage(origin, path) ? restrictPath(path, words) : null;
      remember(paths, path, kept);
    }
    return kept;
  };

  return <E extends { kind: string }>(event: E): CheckedObservation<E> => {
    if (event.kind !== 'observation') return { event, stripped: 0 };
    const observation = event as unknown as { page: { origin: string }; nodes: SentNode[] };
    const origin = observation.page.origin;
    let paths = pathsByOrigin.get(origin);
    if (!paths) {
      if (pathsByOrigin.size >= 64) pathsByOrigin.clear();
      paths = new Map();
      pathsByOrigin.set(origin, paths);
    }
    let stripped = 0;
    let nodes: SentNode[] | null = null;
    for (let index = 0; index < observation.nodes.length; index++) {
      const node = observation.nodes[index] as SentNode;
      const tag = tagOf(node.tag);
      const role = node.role === null ? null : roleOf(node.role);
      const name = node.name === undefined ? null : nameOf(node, node.name);
      const path = node.path === undefined ? null : pathOf(paths, origin, node.path);
      if (
        tag === node.tag &&
        role === node.role &&
        name === (node.name ?? null) &&
        path === (node.path ?? null)
      ) {
        nodes?.push(node);
        continue;
      }
      stripped +=
        Number(tag !== node.tag) +
        Number(role !== node.role) +
        Number(name !== (node.name ?? null)) +
        Number(path !== (node.path ?? null));
      nodes ??= observation.nodes.slice(0, index);
      nodes.push(rebuilt(node, tag, role, name, path));
    }
    return nodes === null ? { event, stripped: 0 } : { event: { ...event, nodes }, stripped };
  };
}

/**
 * A node made again field by field from the schema's fields (observation.ts), with the
 * checked tag, role, name and path: nothing else is carried over. A field the schema
 * gains must be added here (a unit test compares the two).
 */
function rebuilt(
  node: SentNode,
  tag: string,
  role: string | null,
  name: string | null,
  path: string | null,
): SentNode {
  // `id` and `after` only where the observation sent them (see `sentNode`).
  const out: SentNode = {
    ...(node.id === undefined ? {} : { id: node.id }),
    parent: node.parent,
    ...(node.after === undefined ? {} : { after: node.after }),
    tag,
    role,
    field: node.field,
    box: node.box,
    states: node.states,
  };
  if (node.level !== undefined) out.level = node.level;
  if (node.rows !== undefined) out.rows = node.rows;
  if (node.cols !== undefined) out.cols = node.cols;
  if (name !== null) out.name = name;
  if (path !== null) out.path = path;
  return out;
}

/** A path on the page's own origin, whoever reads it: not `//host/…`, no `\` (read as `/`). */
function isPlainPath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !path.includes('\\');
}

function isChoice(node: SentNode): boolean {
  return (
    (node.role !== null && CHOICE_ROLES.has(node.role)) ||
    node.tag === 'option' ||
    node.field === 'checkbox' ||
    node.field === 'radio'
  );
}

const MAX_REMEMBERED = 4096;

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= MAX_REMEMBERED) cache.clear();
  cache.set(key, value);
}
