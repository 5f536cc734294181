import { describe, expect, it } from 'vitest';
import { fieldKind } from '../../lib/schema';
import { CliError } from '../../scripts/export/cli-error';
import { parseConvertArgs } from '../../scripts/replay/convert-args';
import { DEFAULT_VALUES, isChecked } from '../../scripts/replay/default-values';
import {
  displayPath,
  hasPlaceholders,
  matchesTemplate,
  templatePattern,
} from '../../scripts/replay/match-path';
import { parseEpisodes } from '../../scripts/replay/read-episodes';
import { parseValues, slotKind } from '../../scripts/replay/read-values';
import { parseReplayArgs } from '../../scripts/replay/replay-args';
import { demoEpisodesJsonl } from '../fixtures/replay/demo-episodes';

describe('paths', () => {
  it.each([
    ['/shop/products/1042', '/shop/products/:id', true],
    ['/shop/products/', '/shop/products/:id', false],
    ['/shop/checkout', '/shop/checkout', true],
    ['/shop/checkout/', '/shop/checkout', false],
    ['/shop/app/orders', '/shop/app/:text', true],
  ])('%s matches %s: %s', (live, template, expected) => {
    expect(matchesTemplate(live, template)).toBe(expected);
    expect(new RegExp(templatePattern(template)).test(live)).toBe(expected);
  });

  it('knows a path it cannot open', () => {
    expect(hasPlaceholders('/shop/products/:id')).toBe(true);
    expect(hasPlaceholders('/shop/checkout')).toBe(false);
  });

  it('reports a live path as the template it matches, or with identifiers replaced', () => {
    expect(displayPath('/shop/products/1042', ['/shop/', '/shop/products/:id'])).toBe(
      '/shop/products/:id',
    );
    expect(displayPath('/orders/12345/items', [])).toBe('/orders/:id/items');
  });
});

describe('values', () => {
  it('has a default for every field kind', () => {
    expect(Object.keys(DEFAULT_VALUES).sort()).toEqual([...fieldKind.options].sort());
  });

  it('reads values keyed by field kind or slot, over the defaults', () => {
    const values = parseValues(
      '{ "email": "a@b.example", "{tel}": 5550100, "checkbox": false }',
      'v.json',
    );
    expect(values.email).toBe('a@b.example');
    expect(values.tel).toBe('5550100');
    expect(isChecked(values.checkbox)).toBe(false);
    expect(values.name).toBe(DEFAULT_VALUES.name);
  });

  it.each([
    ['not json', /not valid JSON/],
    ['[1]', /one JSON object/],
    ['{ "emial": "x" }', /"emial", which is not a field kind/],
    ['{ "email": null }', /gives "email" a null/],
  ])('refuses %s', (text, message) => {
    expect(() => parseValues(text, 'v.json')).toThrow(message);
  });

  it('names a slot by its field kind', () => {
    expect(slotKind('{cc-number}', 'text')).toBe('cc-number');
    expect(slotKind(null, 'email')).toBe('email');
    expect(slotKind('{nope}', null)).toBe('text');
  });
});

describe('episodes file', () => {
  it('reads id, goal, actions and observations with the dataset’s schema', () => {
    const [first] = parseEpisodes(demoEpisodesJsonl(), 'e.jsonl');
    expect(first?.id).toMatch(/:3$/);
    expect(first?.goal).toBe('Buy a mug and a notebook');
    expect(first?.actions).toHaveLength(19);
    expect(first?.observations).toHaveLength(4);
  });

  it('reads an episode of schema version 1 as version 2 has it', () => {
    const line = JSON.parse(demoEpisodesJsonl().split('\n')[0]!);
    const v1 = { ...line, schemaVersion: 1, actions: [] };
    delete v1.observations;
    const [episode] = parseEpisodes(JSON.stringify(v1), 'v1.jsonl');
    expect(episode).toEqual({ id: line.task, goal: line.goal, actions: [], observations: [] });
  });

  it('names the line and the problem', () => {
    expect(() => parseEpisodes('\n{ nope', 'e.jsonl')).toThrow(/e\.jsonl, line 2: not JSON/);
    const line = JSON.parse(demoEpisodesJsonl().split('\n')[0]!);
    expect(() => parseEpisodes(JSON.stringify({ ...line, value: 'x' }), 'e.jsonl')).toThrow(
      /^e\.jsonl, line 1: not an episode: Unrecognized key: "value"/,
    );
    const events = { ...line, task: null, event: { kind: 'click' } };
    expect(() => parseEpisodes(JSON.stringify(events), 'e.jsonl')).toThrow(
      /line 1: not an episode at event/,
    );
  });
});

describe('command lines', () => {
  it('reads the replay options', () => {
    expect(
      parseReplayArgs([
        '--episodes',
        'e.jsonl',
        '--base-url',
        'http://127.0.0.1:8788/',
        '--browser',
        'firefox',
      ]),
    ).toEqual({
      episodes: 'e.jsonl',
      baseUrl: 'http://127.0.0.1:8788',
      values: undefined,
      browser: 'firefox',
      timeoutMs: 8000,
      quiet: false,
    });
  });

  it.each([
    [['--episodes', 'e.jsonl'], /Missing --base-url/],
    [['--episodes', 'e', '--base-url', 'http://h/shop/'], /origin only/],
    [['--episodes', 'e', '--base-url', 'nope'], /must be a URL/],
    [['--episodes', 'e', '--base-url', 'http://h', '--browser', 'safari'], /chromium or firefox/],
  ])('refuses replay %j', (args, message) => {
    let error: unknown;
    try {
      parseReplayArgs(args);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(message);
  });

  it('reads the convert options', () => {
    expect(parseConvertArgs(['--in', 'e.jsonl', '--to', 'recorder', '--out', 'out'])).toMatchObject(
      {
        input: 'e.jsonl',
        to: 'recorder',
        out: 'out',
      },
    );
    expect(() => parseConvertArgs(['--in', 'e', '--to', 'cypress', '--out', 'o'])).toThrow(
      /playwright or recorder/,
    );
    expect(() =>
      parseConvertArgs(['--in', 'e', '--to', 'playwright', '--out', 'o', '--values', 'v.json']),
    ).toThrow(/--values is for --to recorder/);
  });
});
