import {
  type EpisodeAction,
  type EpisodeObservation,
  type FieldKind,
  slotFor,
  type TraceEvent,
} from '../schema';
import { CARET_KEYS } from '../schema/named-keys';
import { foldObservations } from './fold-observations';

/** An episode's steps as actions, and the interfaces they were taken against. */
export interface EpisodeSteps {
  actions: EpisodeAction[];
  /** Each observation an action names, once, in the order first named. */
  observations: EpisodeObservation[];
}

/** A task's first and last event, by seq, both included. */
export interface StepSpan {
  start: number;
  end: number;
}

/**
 * One episode's steps as actions an agent could take. `events` are in seq order and may
 * begin before the episode (`start`, default: the first event): those earlier events are
 * never actions, but they give the context the first actions need, above all the page's
 * observations made before the task started. See `sessionActions` for the rules.
 */
export function toActions(
  events: readonly TraceEvent[],
  options: { start?: number; end?: number } = {},
): EpisodeSteps {
  const span = {
    start: options.start ?? events[0]?.seq ?? 0,
    end: options.end ?? Number.MAX_SAFE_INTEGER,
  };
  return sessionActions(events, [span])[0] as EpisodeSteps;
}

/**
 * The steps of each task (`spans`) of one session, from all of its events in seq order,
 * read once: what comes before a task, observations and scroll positions above all, is
 * its context. How events become actions:
 *
 * - `goto(origin, path)`: a committed load the volunteer asked for (transition `typed`,
 *   `auto_bookmark`, `start_page`, `generated`, `keyword`, `keyword_generated`, `reload`),
 *   back or forward (qualifier `forward_back`, or a history `pop` within a page). Loads
 *   by `link`, `form_submit` or a page's `client_redirect`, subframe loads, and history
 *   push/replace and hash changes are what an earlier action did, not actions.
 * - `click(node)`: click, double click and context menu, with the modifiers held. Not
 *   actions: the double click the browser reports after the two clicks it is made of
 *   (clicks 2 on the same target just before), and the click the browser makes when
 *   Enter activates a button or link or submits a form (`clicks` 0 right after Enter in
 *   the same frame): the Enter is the action.
 * - `type(node, slot)`: edits of one field in a row (the same tab, frame and selector,
 *   with no other action between) are one action, slot `{field kind}`; it is grounded in
 *   the observation before the first edit and carries the seq and time of the last.
 *   Editing chords in a typed field (Ctrl or Meta with A, C, V, X, Z, Y; B, I, U in an
 *   editable area) are part of typing, never actions, and do not end the run.
 * - `select(node, slot)`: a change of a picked field (select, date, time, datetime,
 *   month, week, color, range, file), slot `{field kind}`. Changes of one field in a
 *   row (the same tab, frame and selector, nothing else between) are one action, read
 *   as `type` is: grounded where the first was, with the seq and time of the last. A
 *   change of a checkbox or radio right after a click in the same frame (on it, its
 *   label or a control that toggles it) is that click's doing, and right after an arrow
 *   or paging key the key's; otherwise (Space toggled it) it is a `click` on it, the
 *   action that toggles it. A change of a typed field says nothing its edit did not.
 * - `press(key)`: every other named key or chord, with its modifiers.
 * - `scroll(target, dx, dy)`: by how much the page (target null) or element moved since
 *   its previous position in the same tab and frame, known from any earlier event of the
 *   session; a new document starts at 0. A scroll back to where it was is no action, nor
 *   one of a document the tab or frame has left since (reported as the page went).
 * - `tab(open|switch|close)`: the tab events, `tabIndex` the tab opened, switched to or
 *   closed.
 *
 * Focus, submit, clipboard, hash change and the markers are never actions (a paste is
 * its edit). Every action names the page it was taken on (for `goto`, where it went) and
 * its tab. Its observation is its event's `at` (the one it was taken against, and its
 * target's node there); without one (events of schema 1, an action before its page's
 * first observation), the latest observation of the same tab and frame before it, node
 * null, unless the tab loaded another document since (none, then: a goto names the page
 * it left); for a tab action, of the tab last acted in.
 * An observation the session does not hold (deleted in review) is none: null. After the
 * observations the actions reference comes the last top-frame observation made after the
 * last action within the task, when there is one: the page the task ended on.
 */
export function sessionActions(
  events: readonly TraceEvent[],
  spans: readonly StepSpan[],
): EpisodeSteps[] {
  const folded = foldObservations(events);
  const actions = readActions(events, spans, (doc, n) => folded.at(doc, n) !== null);
  const topObservations = events.filter(
    (event): event is Event<'observation'> =>
      event.kind === 'observation' && event.frame.length === 0,
  );
  return spans.map((span) => {
    const chosen: Step[] = [];
    // Steps are in order of both `from` and seq: find the first, then take while in the span.
    for (let at = firstFrom(actions, span.start); at < actions.length; at++) {
      const step = actions[at] as Step;
      if (step.action.seq > span.end) break;
      chosen.push(step);
    }
    const observations = new Map<string, EpisodeObservation>();
    for (const { action } of chosen) {
      const ref = action.observation;
      if (!ref) continue;
      const key = `${ref.doc}#${ref.n}`;
      if (!observations.has(key)) observations.set(key, folded.at(ref.doc, ref.n)!);
    }
    // The page the task ended on, when the last action took the volunteer elsewhere: the
    // last top-frame observation after it, so a replay can check where it arrives.
    const after = chosen.at(-1)?.action.seq ?? span.start;
    const ending = topObservations.findLast(
      (event) => event.seq > after && event.seq <= span.end && event.seq >= span.start,
    );
    if (ending && !observations.has(`${ending.doc}#${ending.n}`)) {
      observations.set(`${ending.doc}#${ending.n}`, folded.at(ending.doc, ending.n)!);
    }
    return { actions: chosen.map((step) => step.action), observations: [...observations.values()] };
  });
}

/** The index of the first step read from an event at or after `seq`. */
function firstFrom(steps: readonly Step[], seq: number): number {
  let low = 0;
  let high = steps.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((steps[middle] as Step).from < seq) low = middle + 1;
    else high = middle;
  }
  return low;
}

type Event<K extends TraceEvent['kind']> = Extract<TraceEvent, { kind: K }>;
type PageEvent = Extract<TraceEvent, { frame: number[] }>;
type TargetEvent = Event<'click' | 'dblclick' | 'contextmenu' | 'edit' | 'change' | 'key'>;
type Grounding = { observation: EpisodeAction['observation']; node: number | null };
/** An action, and the seq of the first event it was read from (a typed text's first edit). */
type Step = { from: number; action: EpisodeAction };

/** Loads the volunteer asked for; the others follow from what they did on a page. */
const GOTO_TRANSITIONS: ReadonlySet<string> = new Set([
  'typed',
  'auto_bookmark',
  'start_page',
  'generated',
  'keyword',
  'keyword_generated',
  'reload',
]);

/** Fields whose value is picked rather than typed; checkbox and radio are clicked. */
const PICKED: ReadonlySet<FieldKind> = new Set<FieldKind>([
  'select',
  'date',
  'time',
  'datetime',
  'month',
  'week',
  'color',
  'range',
  'file',
]);
const CHOICES: ReadonlySet<FieldKind> = new Set<FieldKind>(['checkbox', 'radio']);
const isTyped = (field: FieldKind | null) =>
  field !== null && !PICKED.has(field) && !CHOICES.has(field);

/** Chords that edit the text being typed: select all, copy, cut, paste, undo, redo. */
const EDITING_CHORDS: ReadonlySet<string> = new Set(['a', 'c', 'v', 'x', 'z', 'y']);
/** Bold, italic, underline: editing too, in an editable area. */
const FORMATTING_CHORDS: ReadonlySet<string> = new Set(['b', 'i', 'u']);
const CARET: ReadonlySet<string> = new Set(CARET_KEYS);

/** Events that are something the volunteer did; the rest are notes, results or context. */
type Interaction = Event<
  'click' | 'dblclick' | 'contextmenu' | 'edit' | 'change' | 'key' | 'scroll' | 'navigation' | 'tab'
>;
const INTERACTIONS: ReadonlySet<TraceEvent['kind']> = new Set<Interaction['kind']>([
  'click',
  'dblclick',
  'contextmenu',
  'edit',
  'change',
  'key',
  'scroll',
  'navigation',
  'tab',
]);
/** History `pop` is back or forward within a page; push and replace are a page's own doing. */
const isInteraction = (event: TraceEvent): event is Interaction | Event<'history'> =>
  INTERACTIONS.has(event.kind) || (event.kind === 'history' && event.method === 'pop');

const place = (tab: number, frame: readonly number[]) => `${tab}|${frame.join('.')}`;
const sameTarget = (a: TargetEvent, b: TargetEvent) =>
  place(a.tab, a.frame) === place(b.tab, b.frame) && a.target?.selector === b.target?.selector;

function isTypingChord(event: Event<'key'>): boolean {
  const field = event.target?.field ?? null;
  if (!isTyped(field) || !(event.mods.includes('ctrl') || event.mods.includes('meta'))) {
    return false;
  }
  return (
    EDITING_CHORDS.has(event.key) ||
    (field === 'contenteditable' && FORMATTING_CHORDS.has(event.key))
  );
}

/** Every action of the session, in order, with runs of edits cut at each span's edges. */
function readActions(
  events: readonly TraceEvent[],
  spans: readonly StepSpan[],
  observed: (doc: string, n: number) => boolean,
): Step[] {
  const edges = [...new Set(spans.flatMap((span) => [span.start, span.end + 1]))].sort(
    (a, b) => a - b,
  );
  let nextEdge = 0;
  const steps: Step[] = [];
  /** The latest observation of each tab and frame, and the document it was of. */
  const latest = new Map<string, { doc: string; n: number }>();
  /** The document each tab and frame shows; null after a load, until it is observed. */
  const documents = new Map<string, string | null>();
  /** Scroll positions by tab, frame and target ('' for the page). */
  const positions = new Map<string, { x: number; y: number }>();
  let previous: TraceEvent | null = null;
  /** The tab the volunteer is in: where they last did something, or last switched to. */
  let active: number | null = null;
  /** A run of edits of one field: grounded where it began, as the page stood then. */
  let typing: { first: Event<'edit'>; last: Event<'edit'>; grounding: Grounding } | null = null;
  /** The latest choice, while nothing else has happened since: a change of its field joins it. */
  let choosing: { event: Event<'change'>; step: Step } | null = null;

  const ground = (event: PageEvent | Event<'tab'>, tab: number, frame: readonly number[]) => {
    const at = 'at' in event ? event.at : undefined;
    if (at && observed(at.doc, at.n)) {
      return { observation: { doc: at.doc, n: at.n }, node: at.node } satisfies Grounding;
    }
    const where = place(tab, frame);
    const before = latest.get(where);
    // After a load, until the new document is observed, the latest observation is of the
    // page left: no grounding for what is done on the new one (a goto is taken against it).
    const left = documents.get(where) === null && event.kind !== 'navigation';
    if (!before || left) return { observation: null, node: null } satisfies Grounding;
    // A node keeps its id while it stays in its document: still good in a later observation.
    const node = at && at.doc === before.doc ? at.node : null;
    return { observation: { ...before }, node } satisfies Grounding;
  };
  const push = (from: number, action: EpisodeAction) => steps.push({ from, action });
  const endTyping = () => {
    if (!typing) return;
    const { first, last, grounding } = typing;
    const field = first.target.field;
    push(first.seq, {
      ...base(last, 'type', grounding),
      ...targetFields(first),
      slot: slotFor(field),
    });
    typing = null;
  };
  /**
   * Documents a load replaced: a scroll of one recorded after that is where it was as it
   * went (its last movement, reported late), no action.
   */
  const departed = new Set<string>();
  /** A tab's new document (a load) starts at the top, in every frame. */
  const loaded = (tab: number) => {
    for (const key of positions.keys()) if (key.startsWith(`${tab}|`)) positions.delete(key);
    for (const [key, doc] of documents) {
      if (!key.startsWith(`${tab}|`)) continue;
      if (doc) departed.add(doc);
      documents.set(key, null);
    }
  };

  for (const event of events) {
    while (nextEdge < edges.length && (edges[nextEdge] as number) <= event.seq) {
      endTyping();
      choosing = null;
      nextEdge += 1;
    }
    if (event.kind === 'observation') {
      const where = place(event.tab, event.frame);
      // Another document in a frame whose load was not seen (frames' loads are not recorded).
      const shown = documents.get(where);
      if (shown && shown !== event.doc) {
        for (const key of positions.keys()) if (key.startsWith(`${where}|`)) positions.delete(key);
        departed.add(shown);
      }
      documents.set(where, event.doc);
      latest.set(where, { doc: event.doc, n: event.n });
      continue;
    }
    if (!isInteraction(event)) continue;
    if (event.kind === 'key' && isTypingChord(event)) continue;
    if (event.kind === 'scroll' && event.at && departed.has(event.at.doc)) continue;
    if (event.kind === 'edit') {
      if (typing && sameTarget(typing.last, event)) typing.last = event;
      else {
        endTyping();
        typing = { first: event, last: event, grounding: ground(event, event.tab, event.frame) };
      }
      previous = event;
      active = event.tab;
      choosing = null;
      continue;
    }
    endTyping();
    if (event.kind === 'change' && choosing && sameTarget(choosing.event, event)) {
      // One choice: choosing by typing an option's name fires a change for each option
      // passed on the way. It ends at the last one.
      choosing.step.action = { ...choosing.step.action, seq: event.seq, t: event.t };
      choosing.event = event;
      previous = event;
      continue;
    }
    const action = actionOf(event, { previous, active, positions, ground, loaded });
    if (action) push(event.seq, action);
    choosing =
      event.kind === 'change' && action?.type === 'select' ? { event, step: steps.at(-1)! } : null;
    if (event.kind !== 'history') previous = event;
    if (event.kind !== 'tab' || event.action === 'switched') active = event.tab;
  }
  endTyping();
  return steps;
}

type Ground = (event: PageEvent | Event<'tab'>, tab: number, frame: readonly number[]) => Grounding;

interface Context {
  /** The interaction before this one. */
  previous: TraceEvent | null;
  active: number | null;
  positions: Map<string, { x: number; y: number }>;
  ground: Ground;
  loaded: (tab: number) => void;
}

/** The action one event is, or null; edits are read in runs by the caller. */
function actionOf(event: TraceEvent, context: Context): EpisodeAction | null {
  const { previous, positions, ground } = context;
  switch (event.kind) {
    case 'navigation': {
      context.loaded(event.tab);
      const back = event.qualifiers.includes('forward_back');
      const asked =
        GOTO_TRANSITIONS.has(event.transition) && !event.qualifiers.includes('client_redirect');
      if (!back && !asked) return null;
      return base(event, 'goto', ground(event, event.tab, event.frame));
    }
    case 'history':
      return base(event, 'goto', ground(event, event.tab, event.frame));
    case 'tab': {
      const action = ({ opened: 'open', switched: 'switch', closed: 'close' } as const)[
        event.action
      ];
      return { ...base(event, 'tab', ground(event, context.active ?? event.tab, [])), tab: action };
    }
    case 'scroll': {
      const key = `${place(event.tab, event.frame)}|${event.target ?? ''}`;
      const from = positions.get(key) ?? { x: 0, y: 0 };
      positions.set(key, { x: event.x, y: event.y });
      const dx = event.x - from.x;
      const dy = event.y - from.y;
      if (dx === 0 && dy === 0) return null;
      return {
        ...base(event, 'scroll', ground(event, event.tab, event.frame)),
        selector: event.target ?? null,
        dx,
        dy,
      };
    }
    case 'key':
      return {
        ...base(event, 'press', ground(event, event.tab, event.frame)),
        ...(event.target ? targetFields(event) : {}),
        key: event.key,
        mods: [...event.mods],
      };
    case 'click':
    case 'dblclick':
    case 'contextmenu':
      return clickAction(event, previous, ground);
    case 'change':
      return changeAction(event, previous, ground);
    default:
      return null;
  }
}

/** Whether the interaction before was in the same tab and frame. */
function sameFrame(previous: TraceEvent | null, event: PageEvent): previous is PageEvent {
  return (
    previous !== null &&
    'frame' in previous &&
    place(previous.tab, previous.frame) === place(event.tab, event.frame)
  );
}

function clickAction(
  event: Event<'click' | 'dblclick' | 'contextmenu'>,
  previous: TraceEvent | null,
  ground: Ground,
): EpisodeAction | null {
  const inFrame = sameFrame(previous, event);
  // The browser's click for Enter on a button or link, or for a form's implicit submission.
  if (
    event.kind === 'click' &&
    event.clicks === 0 &&
    inFrame &&
    previous?.kind === 'key' &&
    previous.key === 'Enter'
  ) {
    return null;
  }
  // The double click of the two clicks just recorded.
  if (
    event.kind === 'dblclick' &&
    previous?.kind === 'click' &&
    previous.clicks >= 2 &&
    sameTarget(previous, event)
  ) {
    return null;
  }
  return {
    ...base(event, 'click', ground(event, event.tab, event.frame)),
    ...targetFields(event),
    mods: [...event.mods],
  };
}

function changeAction(
  event: Event<'change'>,
  previous: TraceEvent | null,
  ground: Ground,
): EpisodeAction | null {
  const field = event.target.field;
  if (field !== null && PICKED.has(field)) {
    return {
      ...base(event, 'select', ground(event, event.tab, event.frame)),
      ...targetFields(event),
      slot: slotFor(field),
    };
  }
  if (field === null || !CHOICES.has(field)) return null;
  const inFrame = sameFrame(previous, event);
  if (inFrame && (previous.kind === 'click' || previous.kind === 'dblclick')) return null;
  if (inFrame && previous.kind === 'key' && CARET.has(previous.key)) return null;
  return {
    ...base(event, 'click', ground(event, event.tab, event.frame)),
    ...targetFields(event),
    mods: [],
  };
}

/** An action with every field null but those every action has, in the schema's key order. */
function base(event: TraceEvent, type: EpisodeAction['type'], grounding: Grounding): EpisodeAction {
  const page = 'page' in event ? event.page : undefined;
  return {
    seq: event.seq,
    t: event.t,
    type,
    origin: page?.origin ?? null,
    path: page?.path ?? null,
    node: grounding.node,
    selector: null,
    shadow: null,
    role: null,
    box: null,
    field: null,
    slot: null,
    key: null,
    mods: null,
    dx: null,
    dy: null,
    tab: null,
    tabIndex: 'tab' in event ? event.tab : null,
    frame: 'frame' in event ? [...event.frame] : [],
    observation: grounding.observation,
  };
}

function targetFields(event: TargetEvent) {
  const { target } = event;
  if (!target) return {};
  return {
    selector: target.selector,
    shadow: [...target.shadow],
    role: target.role,
    box: { ...target.box },
    field: target.field,
  };
}
