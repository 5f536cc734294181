import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import {
  type EpisodeLine,
  type EventLine,
  episodeLine,
  eventLine,
  type TraceEvent,
} from '../../lib/schema';
import { datasetJsonSchema } from '../../lib/schema/dataset-json-schema';

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
  schemaVersion: 1 as const,
  study: 'demo',
  participant: 'p_0123456789abcdef0123',
  session,
  extensionVersion: '0.1.0',
  consentVersion: '2026-01',
};
const event: EventLine = { ...stamps, task: `${session}:1`, event: click };
const episode: EpisodeLine = {
  ...stamps,
  task: `${session}:1`,
  goal: 'Find the shoes',
  outcome: 'done',
  boundariesBy: 'annotator',
  start: { seq: 1, t: click.t },
  end: { seq: 1, t: click.t },
  actions: [click],
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
    expect(validate({ ...episode, actions: [{ ...click, title: 'Page title' }] })).toBe(false);
  });

  it('rejects lines of neither shape and wrong stamps', () => {
    expect(validate({})).toBe(false);
    expect(validate('a string')).toBe(false);
    expect(validate({ ...event, schemaVersion: 2 })).toBe(false);
    expect(validate({ ...event, participant: 'alice@example.org' })).toBe(false);
    expect(validate({ ...episode, outcome: 'maybe' })).toBe(false);
  });

  it('states every strict object as additionalProperties: false', () => {
    const defs = datasetJsonSchema().$defs as Record<string, Record<string, unknown>>;
    for (const name of ['EventLine', 'EpisodeLine', 'Page', 'Target']) {
      expect(defs[name]?.additionalProperties, name).toBe(false);
    }
  });
});
