import { describe, expect, it } from 'vitest';
import {
  type EpisodeAction,
  episodeAction,
  episodeObservation,
  type FieldKind,
  type ObservedNode,
  type TargetDescriptor,
  type TraceEvent,
} from '../../lib/schema';
import { sessionActions, toActions } from '../../lib/trace/to-actions';

const SESSION = '3a1e2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const ORIGIN = 'https://shop.example';

type Kind = TraceEvent['kind'];
type Of<K extends Kind> = Extract<TraceEvent, { kind: K }>;
/** What a test says about an event; session, seq and time are stamped in order. */
type Spec<K extends Kind> = Omit<Of<K>, 'session' | 'seq' | 't' | 'kind'> & { kind: K };
type AnySpec = { [K in Kind]: Spec<K> }[Kind];

function target(field: FieldKind | null, selector: string, tag = 'input'): TargetDescriptor {
  return {
    tag,
    role: field === null ? 'button' : 'textbox',
    field,
    selector,
    shadow: [],
    box: { x: 10, y: 20, w: 200, h: 30 },
    viewport: { w: 1280, h: 800 },
  };
}

const page = (path = '/checkout') => ({ origin: ORIGIN, path });
const here = { tab: 0, frame: [] as number[], page: page() };
const button = target(null, 'form > button', 'button');
const email = target('email', 'input[name="email"]');
const search = target('search', 'input[type="search"]');

/** A session of events in seq order, from 0. */
function session(...specs: AnySpec[]): TraceEvent[] {
  return specs.map(
    (spec, seq) =>
      ({ ...spec, session: SESSION, seq, t: 1_767_225_600_000 + seq * 100 }) as TraceEvent,
  );
}

const click = (
  on: TargetDescriptor = button,
  more: Partial<Spec<'click'>> = {},
): Spec<'click'> => ({
  kind: 'click',
  ...here,
  target: on,
  button: 0,
  clicks: 1,
  mods: [],
  ...more,
});
const edit = (on: TargetDescriptor, more: Partial<Spec<'edit'>> = {}): Spec<'edit'> => ({
  kind: 'edit',
  ...here,
  target: on,
  ...more,
});
const change = (on: TargetDescriptor, more: Partial<Spec<'change'>> = {}): Spec<'change'> => ({
  kind: 'change',
  ...here,
  target: on,
  ...more,
});
const key = (name: Spec<'key'>['key'], more: Partial<Spec<'key'>> = {}): Spec<'key'> => ({
  kind: 'key',
  ...here,
  key: name,
  mods: [],
  ...more,
});
const scroll = (x: number, y: number, more: Partial<Spec<'scroll'>> = {}): Spec<'scroll'> => ({
  kind: 'scroll',
  ...here,
  x,
  y,
  ...more,
});
const navigation = (
  transition: Spec<'navigation'>['transition'],
  qualifiers: Spec<'navigation'>['qualifiers'] = [],
  path = '/',
): Spec<'navigation'> => ({
  kind: 'navigation',
  ...here,
  page: page(path),
  transition,
  qualifiers,
});
const history = (method: 'push' | 'replace' | 'pop', path = '/cart'): Spec<'history'> => ({
  kind: 'history',
  ...here,
  page: page(path),
  method,
});
const tab = (action: 'opened' | 'switched' | 'closed', index: number): Spec<'tab'> => ({
  kind: 'tab',
  tab: index,
  action,
});

function node(id: number, parent: number, after: number, extra: Partial<ObservedNode> = {}) {
  return {
    id,
    parent,
    after,
    tag: 'button',
    role: 'button',
    field: null,
    box: { x: 0, y: id * 40, w: 120, h: 32 },
    states: [],
    ...extra,
  } satisfies ObservedNode;
}

const observation = (
  doc: string,
  n: number,
  nodes: ObservedNode[],
  more: Partial<Spec<'observation'>> = {},
): Spec<'observation'> => ({
  kind: 'observation',
  ...here,
  doc,
  n,
  full: n === 1,
  cause: n === 1 ? 'load' : 'change',
  viewport: { w: 1280, h: 800 },
  scroll: { x: 0, y: 0 },
  nodes,
  removed: [],
  truncated: false,
  ...more,
});

/** The actions, each checked against its schema. */
function actionsOf(events: TraceEvent[], options?: { start?: number }): EpisodeAction[] {
  const { actions, observations } = toActions(events, options);
  for (const action of actions) episodeAction.parse(action);
  for (const each of observations) episodeObservation.parse(each);
  return actions;
}
const types = (events: TraceEvent[]) => actionsOf(events).map((action) => action.type);

describe('goto', () => {
  it('is a load the volunteer asked for, at the page it went to', () => {
    for (const transition of [
      'typed',
      'auto_bookmark',
      'start_page',
      'generated',
      'keyword',
      'keyword_generated',
      'reload',
    ] as const) {
      const [action] = actionsOf(session(navigation(transition, [], '/lamps')));
      expect(action, transition).toMatchObject({
        type: 'goto',
        origin: ORIGIN,
        path: '/lamps',
        tabIndex: 0,
        selector: null,
        slot: null,
      });
    }
  });

  it('is back or forward, across documents or within a page', () => {
    expect(types(session(navigation('link', ['forward_back'])))).toEqual(['goto']);
    expect(types(session(navigation('typed', ['forward_back', 'from_address_bar'])))).toEqual([
      'goto',
    ]);
    const [pop] = actionsOf(session(history('pop', '/cart')));
    expect(pop).toMatchObject({ type: 'goto', path: '/cart' });
  });

  it('is not a load that follows from a link, a form, a redirect, or a page’s own history', () => {
    expect(
      types(
        session(
          navigation('link'),
          navigation('form_submit'),
          navigation('auto_subframe'),
          navigation('manual_subframe'),
          navigation('typed', ['client_redirect']),
          history('push'),
          history('replace'),
          { kind: 'hashchange', ...here },
        ),
      ),
    ).toEqual([]);
    // A server redirect ends the load the volunteer asked for: it is that load.
    expect(types(session(navigation('typed', ['server_redirect'])))).toEqual(['goto']);
  });
});

describe('click', () => {
  it('is a click, double click or context menu, with its target and modifiers', () => {
    const actions = actionsOf(
      session(
        click(button, { mods: ['ctrl'] }),
        { ...click(), kind: 'dblclick' },
        { ...click(), kind: 'contextmenu', button: 2 },
      ),
    );
    expect(actions.map((action) => action.type)).toEqual(['click', 'click', 'click']);
    expect(actions[0]).toMatchObject({
      selector: 'form > button',
      shadow: [],
      role: 'button',
      box: { x: 10, y: 20, w: 200, h: 30 },
      field: null,
      slot: null,
      mods: ['ctrl'],
      origin: ORIGIN,
      path: '/checkout',
      frame: [],
    });
  });

  it('leaves out the double click the browser reports after its two clicks', () => {
    const events = session(click(), click(button, { clicks: 2 }), { ...click(), kind: 'dblclick' });
    expect(actionsOf(events).map((action) => action.seq)).toEqual([0, 1]);
  });

  it('leaves out the click the browser makes for Enter, but not one made by Space', () => {
    // Enter on a button, then implicit submission from a field: both make a click of 0.
    const events = session(
      key('Enter', { target: button }),
      click(button, { clicks: 0 }),
      edit(search),
      key('Enter', { target: search }),
      click(button, { clicks: 0 }),
      click(button, { clicks: 0 }),
    );
    expect(actionsOf(events).map((action) => [action.seq, action.type])).toEqual([
      [0, 'press'],
      [2, 'type'],
      [3, 'press'],
      [5, 'click'],
    ]);
  });
});

describe('type', () => {
  it('makes one action of a field’s edits in a row, with a slot and never a value', () => {
    const events = session(
      edit(email, { at: { doc: 'docshop1', n: 1, node: 7 } }),
      { kind: 'focus', ...here, target: email },
      { kind: 'clipboard', ...here, action: 'paste', target: email },
      history('replace', '/checkout'),
      observation('docshop1', 1, [node(7, 0, 0, { tag: 'input', field: 'email' })]),
      edit(email),
      { kind: 'pause', session: SESSION, seq: 0, t: 0 } as unknown as Spec<'pause'>,
      edit(email),
      edit(search),
    );
    const actions = actionsOf(events);
    expect(actions.map((action) => [action.type, action.seq, action.slot])).toEqual([
      ['type', 7, '{email}'],
      ['type', 8, '{search}'],
    ]);
    // The first edit's grounding, the last edit's seq and time.
    expect(actions[0]).toMatchObject({
      field: 'email',
      selector: 'input[name="email"]',
      node: 7,
      t: events[7]?.t,
    });
  });

  it('is grounded in the observation before its first edit, when the edits name none', () => {
    const events = session(
      observation('docshop1', 1, [node(7, 0, 0, { tag: 'input', field: 'email' })]),
      edit(email),
      // The page shows suggestions while the volunteer types.
      observation('docshop1', 2, [node(8, 0, 7, { tag: 'ul', role: 'listbox' })]),
      edit(email),
    );
    const { actions, observations } = toActions(events);
    expect(actions).toMatchObject([
      { type: 'type', seq: 3, observation: { doc: 'docshop1', n: 1 }, node: null },
    ]);
    expect(observations.map((each) => each.n)).toEqual([1]);
  });

  it('names the slot by the field kind', () => {
    for (const field of ['email', 'name', 'search', 'password', 'cc-number', 'textarea'] as const) {
      const [action] = actionsOf(session(edit(target(field, `#f-${field}`))));
      expect(action?.slot).toBe(`{${field}}`);
    }
    const [untyped] = actionsOf(session(edit(target(null, '[contenteditable]', 'div'))));
    expect(untyped?.slot).toBe('{text}');
  });

  it('starts again after any other action, and in another frame', () => {
    const framed = { ...edit(email), frame: [1] };
    expect(types(session(edit(email), click(email), edit(email), framed))).toEqual([
      'type',
      'click',
      'type',
      'type',
    ]);
    expect(types(session(edit(email), key('Tab', { target: email }), edit(email)))).toEqual([
      'type',
      'press',
      'type',
    ]);
  });

  it('counts editing chords in the field as typing, and other chords as keys', () => {
    const actions = actionsOf(
      session(
        key('a', { target: email, mods: ['ctrl'] }),
        edit(email),
        key('v', { target: email, mods: ['meta'] }),
        key('z', { target: email, mods: ['ctrl', 'shift'] }),
        edit(email),
        key('s', { target: email, mods: ['ctrl'] }),
        key('b', { target: email, mods: ['ctrl'] }),
        key('b', { target: target('contenteditable', '.editor', 'div'), mods: ['ctrl'] }),
        key('a', { mods: ['ctrl'] }),
      ),
    );
    expect(actions.map((action) => [action.seq, action.type, action.key])).toEqual([
      [4, 'type', null],
      [5, 'press', 's'],
      [6, 'press', 'b'],
      [8, 'press', 'a'],
    ]);
  });
});

describe('select', () => {
  it('is a change of a picked field, with its slot', () => {
    const picked = [
      'select',
      'date',
      'time',
      'datetime',
      'month',
      'week',
      'color',
      'range',
      'file',
    ];
    for (const field of picked as FieldKind[]) {
      const [action] = actionsOf(session(change(target(field, `#${field}`))));
      expect(action, field).toMatchObject({ type: 'select', field, slot: `{${field}}` });
    }
    // A click that opens a select stays a click; picking is the select.
    const select = target('select', 'select[name="size"]', 'select');
    expect(types(session(click(select), change(select)))).toEqual(['click', 'select']);
  });

  it('leaves a checkbox’s or radio’s change to the click or arrow key that made it', () => {
    const box = target('checkbox', 'input[name="terms"]');
    const label = target(null, 'label.terms', 'label');
    const radio = target('radio', 'input[value="2"]');
    expect(types(session(click(box), change(box)))).toEqual(['click']);
    // A click on its label (or a styled switch) in the same frame.
    expect(
      types(session(click(label), { kind: 'focus', ...here, target: box }, change(box))),
    ).toEqual(['click']);
    expect(types(session(key('ArrowDown', { target: radio }), change(radio)))).toEqual(['press']);
    // Toggled by Space, which is never recorded: the action is a click on it.
    const [toggled] = actionsOf(session(key('Tab', { target: email }), change(box))).slice(1);
    expect(toggled).toMatchObject({ type: 'click', selector: 'input[name="terms"]', mods: [] });
    // A click in another frame is not what changed it.
    expect(types(session({ ...click(label), frame: [2] }, change(box)))).toEqual([
      'click',
      'click',
    ]);
  });

  it('ignores the change a typed field reports on blur', () => {
    expect(types(session(edit(email), change(email)))).toEqual(['type']);
  });
});

describe('press', () => {
  it('is a named key or chord, with its target when there is one', () => {
    const actions = actionsOf(
      session(
        key('Escape'),
        key('Enter', { target: search }),
        key('k', { mods: ['ctrl', 'shift'] }),
        key('ArrowDown'),
      ),
    );
    expect(actions.map((action) => [action.type, action.key, action.mods])).toEqual([
      ['press', 'Escape', []],
      ['press', 'Enter', []],
      ['press', 'k', ['ctrl', 'shift']],
      ['press', 'ArrowDown', []],
    ]);
    expect(actions[0]).toMatchObject({ selector: null, field: null, slot: null });
    expect(actions[1]).toMatchObject({
      selector: 'input[type="search"]',
      field: 'search',
      slot: null,
    });
  });
});

describe('scroll', () => {
  it('moves by the difference from the previous position of the same page or element', () => {
    const actions = actionsOf(
      session(
        scroll(0, 300),
        scroll(0, 1000),
        scroll(0, 200, { target: 'aside.filters' }),
        scroll(40, 600),
        scroll(40, 600),
        scroll(0, 100, { frame: [1] }),
      ),
    );
    expect(actions.map((action) => [action.selector, action.dx, action.dy, action.frame])).toEqual([
      [null, 0, 300, []],
      [null, 0, 700, []],
      ['aside.filters', 0, 200, []],
      [null, 40, -400, []],
      // Back where it was is no action; another frame starts from 0.
      [null, 0, 100, [1]],
    ]);
  });

  it('knows positions from before the episode, and starts from 0 on a new document', () => {
    const events = session(
      scroll(0, 500),
      scroll(0, 800),
      navigation('link', [], '/lamps'),
      scroll(0, 300),
      observation('docnew01', 1, []),
      scroll(0, 400),
      observation('docnew02', 1, []),
      scroll(0, 900),
    );
    const actions = actionsOf(events, { start: 1 });
    expect(actions.map((action) => [action.seq, action.dy])).toEqual([
      [1, 300],
      [3, 300],
      [5, 100],
      [7, 900],
    ]);
  });
});

describe('tab', () => {
  it('is a tab opened, switched to or closed, with its index', () => {
    const actions = actionsOf(
      session(click(), tab('opened', 1), tab('switched', 1), tab('closed', 1), tab('switched', 0)),
    );
    expect(actions.map((action) => [action.type, action.tab, action.tabIndex])).toEqual([
      ['click', null, 0],
      ['tab', 'open', 1],
      ['tab', 'switch', 1],
      ['tab', 'close', 1],
      ['tab', 'switch', 0],
    ]);
    expect(actions[1]).toMatchObject({ origin: null, path: null, frame: [] });
  });

  it('is grounded in the tab the volunteer was in', () => {
    const events = session(
      observation('docfirst', 1, [node(1, 0, 0)]),
      { ...observation('docother', 1, [node(1, 0, 0)]), tab: 1 },
      click(),
      tab('switched', 1),
      tab('closed', 1),
    );
    const { actions } = toActions(events);
    expect(actions.map((action) => action.observation?.doc)).toEqual([
      'docfirst',
      'docfirst',
      'docother',
    ]);
  });
});

describe('observations', () => {
  const skeleton = [
    node(1, 0, 0, { tag: 'main', role: 'main' }),
    node(2, 1, 0, { tag: 'input', role: 'textbox', field: 'email' }),
    node(3, 1, 2),
  ];

  it('ends with the page the task ended on, when the last action led elsewhere', () => {
    const events = session(
      observation('docshop1', 1, skeleton),
      click(button, { at: { doc: 'docshop1', n: 1, node: 3 } }),
      {
        ...observation('docthank', 1, [node(1, 0, 0, { tag: 'main', role: 'main' })]),
        page: page('/thanks'),
      },
      { ...observation('docframe', 1, []), frame: [1], page: page('/ad') },
    );
    const { observations } = toActions(events);
    expect(observations.map((each) => [each.doc, each.path])).toEqual([
      ['docshop1', '/checkout'],
      ['docthank', '/thanks'],
    ]);
    // Nothing after the last action: no page to add.
    const still = toActions(session(observation('docshop1', 1, skeleton), click(button)));
    expect(still.observations.map((each) => each.doc)).toEqual(['docshop1']);
  });

  it('grounds each action in its event’s observation, folded, each listed once', () => {
    const events = session(
      observation('docshop1', 1, skeleton),
      // The page adds a dialog after the field.
      observation('docshop1', 2, [node(4, 1, 2, { tag: 'div', role: 'dialog' }), node(3, 1, 4)]),
      click(button, { at: { doc: 'docshop1', n: 2, node: 3 } }),
      edit(email, { at: { doc: 'docshop1', n: 1, node: 2 } }),
      click(button, { at: { doc: 'docshop1', n: 2, node: 3 } }),
    );
    const { actions, observations } = toActions(events);
    expect(actions.map((action) => [action.observation, action.node])).toEqual([
      [{ doc: 'docshop1', n: 2 }, 3],
      [{ doc: 'docshop1', n: 1 }, 2],
      [{ doc: 'docshop1', n: 2 }, 3],
    ]);
    expect(observations.map((each) => [each.doc, each.n])).toEqual([
      ['docshop1', 2],
      ['docshop1', 1],
    ]);
    expect(observations[0]).toMatchObject({ origin: ORIGIN, path: '/checkout', truncated: false });
    expect(observations[0]?.nodes.map((each) => each.id)).toEqual([1, 2, 4, 3]);
    expect(observations[1]?.nodes.map((each) => each.id)).toEqual([1, 2, 3]);
  });

  it('without `at`, takes the latest observation of the same tab and frame, node unknown', () => {
    const events = session(
      observation('docshop1', 1, skeleton),
      { ...observation('docframe', 1, skeleton), frame: [1] },
      { ...observation('doctab01', 1, skeleton), tab: 1 },
      click(),
      { ...click(), frame: [2] },
      navigation('typed', [], '/next'),
    );
    const { actions, observations } = toActions(events);
    expect(actions.map((action) => [action.type, action.observation, action.node])).toEqual([
      ['click', { doc: 'docshop1', n: 1 }, null],
      ['click', null, null],
      // The page it left: what the volunteer saw before going.
      ['goto', { doc: 'docshop1', n: 1 }, null],
    ]);
    expect(observations).toHaveLength(1);
  });

  it('grounds the first action in what the page showed before the task started', () => {
    const events = session(
      observation('docshop1', 1, skeleton),
      { kind: 'task-start', goal: 'Sign up' } as Spec<'task-start'>,
      edit(email),
    );
    const { actions, observations } = toActions(events, { start: 1 });
    expect(actions).toMatchObject([{ type: 'type', observation: { doc: 'docshop1', n: 1 } }]);
    expect(observations.map((each) => each.nodes.length)).toEqual([3]);
  });

  it('falls back when the named observation is not in the session (deleted in review)', () => {
    const events = session(
      observation('docshop1', 1, skeleton),
      click(button, { at: { doc: 'docshop1', n: 2, node: 3 } }),
      click(button, { at: { doc: 'docgone1', n: 4, node: 3 } }),
    );
    const { actions } = toActions(events);
    expect(actions.map((action) => [action.observation, action.node])).toEqual([
      // Node ids hold while the node stays in its document: node 3 of docshop1 still.
      [{ doc: 'docshop1', n: 1 }, 3],
      [{ doc: 'docshop1', n: 1 }, null],
    ]);
  });

  it('leaves the observation null when none was made (schema 1)', () => {
    const { actions, observations } = toActions(session(click(), edit(email)));
    expect(actions.every((action) => action.observation === null && action.node === null)).toBe(
      true,
    );
    expect(observations).toEqual([]);
  });
});

describe('a session’s tasks', () => {
  it('reads each task’s actions with the context before it, and nothing of the markers', () => {
    const events = session(
      { kind: 'task-start', goal: 'one' } as Spec<'task-start'>,
      edit(email),
      { kind: 'task-end', outcome: 'done' } as Spec<'task-end'>,
      edit(email),
      { kind: 'submit', ...here, target: button, fields: { email: 1 } },
      click(target('checkbox', '#terms')),
      change(target('checkbox', '#terms')),
      { kind: 'gap', reason: 'worker-stopped', since: 0 } as Spec<'gap'>,
      { kind: 'resume' } as Spec<'resume'>,
    );
    // Task two starts at the checkbox's change: the click before it made it.
    const [first, second, third] = sessionActions(events, [
      { start: 0, end: 2 },
      { start: 3, end: 4 },
      { start: 6, end: 8 },
    ]);
    expect(first?.actions.map((action) => [action.type, action.seq])).toEqual([['type', 1]]);
    // Edits of the same field on either side of a task's edge are two actions.
    expect(second?.actions.map((action) => [action.type, action.seq])).toEqual([['type', 3]]);
    expect(third?.actions).toEqual([]);
  });
});
