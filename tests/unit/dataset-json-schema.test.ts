import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import {
  type EpisodeLine,
  type EventLine,
  episodeLine,
  eventLine,
  type ObservedNode,
  SCHEMA_VERSION,
  type TraceEvent,
} from '../../lib/schema';
import { datasetJsonSchema } from '../../lib/schema/dataset-json-schema';
import { toActions } from '../../lib/trace/to-actions';

const session = '0b6c2a4e-8f1d-4c3b-9a7e-5d2f1e0c9b8a';
const click: TraceEvent = {
  kind: 'click',
  session,
  seq: 1,
  t: 1_767_225_600_250,
  tab: 0,
  frame: [],
  page: { origin: 'https://shop.example', path: '/products/:id' },
  target: {
    tag: 'button',
    role: 'button',
    field: null,
    selector: 'main > form > button.buy',
    shadow: [],
    box: { x: 120, y: 340, w: 96, h: 32 },
    viewport: { w: 1280, h: 800 },
  },
  button: 0,
  clicks: 1,
  mods: [],
};
const stamps = {
  schemaVersion: SCHEMA_VERSION,
  study: 'demo',
  participant: 'p_0123456789abcdef0123',
  session,
  extensionVersion: '0.1.0',
  consentVersion: '2026-01',
};
const event: EventLine = { ...stamps, task: `${session}:1`, event: click };

const nodes: ObservedNode[] = [
  {
    id: 1,
    parent: 0,
    after: 0,
    tag: 'main',
    role: 'main',
    field: null,
    box: { x: 0, y: 0, w: 1280, h: 800 },
    states: [],
  },
  {
    id: 2,
    parent: 1,
    after: 0,
    tag: 'h1',
    role: 'heading',
    field: null,
    box: { x: 20, y: 20, w: 400, h: 40 },
    states: [],
    level: 1,
  },
  {
    id: 3,
    parent: 1,
    after: 2,
    tag: 'input',
    role: 'textbox',
    field: 'email',
    box: { x: 20, y: 80, w: 300, h: 32 },
    states: ['required', 'focusable'],
  },
  {
    id: 4,
    parent: 1,
    after: 3,
    tag: 'a',
    role: 'link',
    field: null,
    box: { x: 20, y: 130, w: 80, h: 20 },
    states: ['focusable'],
    path: '/cart',
    name: 'Cart',
  },
  {
    id: 5,
    parent: 1,
    after: 4,
    tag: 'table',
    role: 'table',
    field: null,
    box: { x: 20, y: 160, w: 600, h: 200 },
    states: [],
    rows: 4,
    cols: 3,
  },
];
const where = { session, tab: 0, frame: [] as number[], page: click.page };
const at = (node: number | null, n = 2) => ({ doc: 'docshop01', n, node });
/** A session with every kind of action, and observations (schema 2). */
const events: TraceEvent[] = [
  { ...where, kind: 'navigation', seq: 0, t: 1, transition: 'typed', qualifiers: [] },
  {
    ...where,
    kind: 'observation',
    seq: 1,
    t: 2,
    doc: 'docshop01',
    n: 1,
    full: true,
    cause: 'load',
    viewport: { w: 1280, h: 800 },
    scroll: { x: 0, y: 0 },
    nodes,
    removed: [],
    truncated: false,
  },
  {
    ...where,
    kind: 'observation',
    seq: 2,
    t: 3,
    doc: 'docshop01',
    n: 2,
    full: false,
    cause: 'change',
    viewport: { w: 1280, h: 800 },
    scroll: { x: 0, y: 0 },
    nodes: [],
    removed: [5],
    truncated: false,
  },
  { ...click, seq: 3, t: 4, at: at(4, 1) },
  {
    ...where,
    kind: 'edit',
    seq: 4,
    t: 5,
    target: { ...click.target, tag: 'input', role: 'textbox', field: 'email' },
    at: at(3),
  },
  {
    ...where,
    kind: 'change',
    seq: 5,
    t: 6,
    target: { ...click.target, tag: 'select', role: 'combobox', field: 'select' },
    at: at(null),
  },
  { ...where, kind: 'key', seq: 6, t: 7, key: 'Enter', mods: [], at: at(null) },
  { ...where, kind: 'scroll', seq: 7, t: 8, x: 0, y: 640, at: at(null) },
  { session, kind: 'tab', seq: 8, t: 9, tab: 1, action: 'opened' },
];
const steps = toActions(events);
const episode: EpisodeLine = {
  ...stamps,
  task: `${session}:0`,
  goal: 'Find the shoes',
  outcome: 'done',
  boundariesBy: 'annotator',
  start: { seq: 0, t: 1 },
  end: { seq: 8, t: 9 },
  ...steps,
};

// Strict, as a careful researcher would run it: the schema must compile without warnings.
// Compiled once: ajv takes most of a second over the whole schema.
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const validate = ajv.compile(datasetJsonSchema());

describe('schema.json', () => {
  it('accepts what the zod schemas accept, in either file', () => {
    expect(eventLine.parse(event)).toEqual(event);
    expect(episodeLine.parse(episode)).toEqual(episode);
    expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(episode), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts every kind of action, observations, and events that carry them', () => {
    expect(episode.actions.map((action) => action.type)).toEqual([
      'goto',
      'click',
      'type',
      'select',
      'press',
      'scroll',
      'tab',
    ]);
    expect(episode.observations.map((each) => [each.doc, each.n, each.nodes.length])).toEqual([
      ['docshop01', 1, 5],
      ['docshop01', 2, 4],
    ]);
    for (const each of events) {
      const line = { ...stamps, task: `${session}:0`, event: each };
      expect(eventLine.parse(line)).toEqual(line);
      expect(validate(line), `${each.kind}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    // Without observations (recorded under schema 1), every action's observation is null.
    const bare = { ...episode, ...toActions(events.filter((each) => each.kind !== 'observation')) };
    expect(bare.observations).toEqual([]);
    expect(validate(bare), JSON.stringify(validate.errors)).toBe(true);
  });

  it('holds a slot where a value would be, and never the value', () => {
    const typed = episode.actions.find((action) => action.type === 'type');
    expect(typed).toMatchObject({ slot: '{email}', field: 'email' });
    const withValue = (change: Record<string, unknown>) => ({
      ...episode,
      actions: episode.actions.map((action) =>
        action === typed ? { ...action, ...change } : action,
      ),
    });
    expect(validate(withValue({ slot: 'alice@example.org' }))).toBe(false);
    expect(validate(withValue({ value: 'alice@example.org' }))).toBe(false);
    expect(validate(withValue({ text: 'hello' }))).toBe(false);
  });

  it('rejects a line with a key the format does not know, at any depth', () => {
    expect(validate({ ...event, value: 'hunter2' })).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({
        keyword: 'additionalProperties',
        params: { additionalProperty: 'value' },
      }),
    );
    expect(validate({ ...event, event: { ...click, text: 'hello' } })).toBe(false);
    expect(
      validate({ ...event, event: { ...click, target: { ...click.target, value: 'x' } } }),
    ).toBe(false);
    expect(validate({ ...episode, url: 'https://shop.example/?q=secret' })).toBe(false);
    expect(
      validate({ ...episode, actions: [{ ...episode.actions[0], title: 'Page title' }] }),
    ).toBe(false);
    // Episodes of schema 1 listed events as actions: they are read through migrate-line.ts.
    expect(validate({ ...episode, actions: [click] })).toBe(false);
    const [observed] = episode.observations;
    expect(
      validate({
        ...episode,
        observations: [{ ...observed, nodes: [{ ...nodes[0], text: 'x' }] }],
      }),
    ).toBe(false);
  });

  it('rejects lines of neither shape and wrong stamps', () => {
    expect(validate({})).toBe(false);
    expect(validate('a string')).toBe(false);
    expect(validate({ ...event, schemaVersion: 1 })).toBe(false);
    expect(validate({ ...event, schemaVersion: 3 })).toBe(false);
    expect(validate({ ...episode, schemaVersion: 1 })).toBe(false);
    expect(validate({ ...event, participant: 'alice@example.org' })).toBe(false);
    expect(validate({ ...episode, outcome: 'maybe' })).toBe(false);
  });

  it('states every strict object as additionalProperties: false', () => {
    const defs = datasetJsonSchema().$defs as Record<string, Record<string, unknown>>;
    for (const name of [
      'EventLine',
      'EpisodeLine',
      'Page',
      'Target',
      'EpisodeAction',
      'EpisodeObservation',
      'ObservedNode',
    ]) {
      expect(defs[name]?.additionalProperties, name).toBe(false);
    }
  });
});
