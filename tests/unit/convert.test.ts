// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from '@puppeteer/replay';
import { describe, expect, it } from 'vitest';
import { convertSteps, episodeFileName } from '../../scripts/replay/convert-steps';
import { DEFAULT_VALUES } from '../../scripts/replay/default-values';
import { parseEpisodes } from '../../scripts/replay/read-episodes';
import { parseValues } from '../../scripts/replay/read-values';
import { toPlaywrightScript } from '../../scripts/replay/to-playwright';
import { toRecorderFlow } from '../../scripts/replay/to-recorder-json';
import {
  CHECKOUT_ID,
  DEMO_VALUES,
  demoEpisodesJsonl,
  GOTO_GAP_ID,
} from '../fixtures/replay/demo-episodes';

const BASE = 'http://127.0.0.1:9999';
const episodes = parseEpisodes(demoEpisodesJsonl(), 'demo.jsonl');
const checkout = convertSteps(episodes.find((episode) => episode.id === CHECKOUT_ID)!);
const gap = convertSteps(episodes.find((episode) => episode.id === GOTO_GAP_ID)!);
const values = parseValues(JSON.stringify(DEMO_VALUES), 'values.json');

describe('convertSteps', () => {
  it('converts every step of a whole episode, waiting for each new page and the last', () => {
    expect(checkout.written).toBe(19);
    expect(checkout.total).toBe(19);
    expect(checkout.stopped).toBeNull();
    const waits = checkout.ops.flatMap(({ op }) =>
      op.kind === 'waitForPath' ? [op.template] : [],
    );
    expect(waits).toEqual(['/shop/products/:id', '/shop/checkout', '/shop/thanks', '/shop/thanks']);
  });

  it('stops at a gap and says why', () => {
    expect(gap.written).toBe(2);
    expect(gap.stopped).toMatch(/^gap before step 3: .*\/shop\/products\/:id/);
  });

  it('gives each target a second way in by its position in the observation', () => {
    const clicks = checkout.ops.flatMap(({ op }) => (op.kind === 'click' ? [op.target] : []));
    // The add-to-cart button recorded under a test id the page no longer has.
    expect(clicks[1]).toMatchObject({
      selectors: ['[data-testid="add-to-cart-notebook"]'],
      fallback: '(//button)[4]',
      offset: { x: 62, y: 21 },
    });
    // The contenteditable div is not always observed: no position for it.
    const fills = checkout.ops.flatMap(({ op }) => (op.kind === 'fill' ? [op] : []));
    expect(fills.find((fill) => fill.slot === 'contenteditable')?.target.fallback).toBeNull();
  });

  it('names files after episodes, safely', () => {
    expect(episodeFileName('7d7f2c1e-3b6a:3')).toBe('7d7f2c1e-3b6a_3');
    expect(episodeFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
  });
});

describe('toRecorderFlow', () => {
  const { flow, notes } = toRecorderFlow(checkout, BASE, values);

  it('is a recording @puppeteer/replay accepts', () => {
    expect(() => parse(JSON.parse(JSON.stringify(flow)))).not.toThrow();
    expect(flow.title).toBe(`tasktrace episode ${CHECKOUT_ID}: Buy a mug and a notebook`);
    expect(notes).toEqual([]);
  });

  it('has the Recorder steps: viewport, navigate, click, change, keys, scroll, waits', () => {
    const types = flow.steps.map((step) => step.type);
    expect(types.slice(0, 3)).toEqual(['setViewport', 'navigate', 'click']);
    expect(new Set(types)).toEqual(
      new Set([
        'setViewport',
        'navigate',
        'click',
        'change',
        'keyDown',
        'keyUp',
        'scroll',
        'waitForExpression',
      ]),
    );
    expect(flow.steps[1]).toMatchObject({ url: `${BASE}/shop/` });
    const scrolls = flow.steps.filter((step) => step.type === 'scroll');
    // Moves become positions, counted per page.
    expect(scrolls).toMatchObject([
      { x: 0, y: 600 },
      { x: 0, y: 120 },
    ]);
    expect(flow.steps.at(-1)).toMatchObject({
      type: 'waitForExpression',
      expression: expect.stringContaining('thanks'),
    });
  });

  it('fills slots from the values given, and from defaults, never from the dataset', () => {
    const changes = flow.steps.filter((step) => step.type === 'change').map((step) => step.value);
    expect(changes).toEqual([
      'FR',
      'Robin Replay',
      'robin@replay.example',
      DEFAULT_VALUES.tel,
      'FR',
      DEFAULT_VALUES['cc-number'],
      DEFAULT_VALUES.textarea,
      DEFAULT_VALUES.contenteditable,
    ]);
  });

  it('stops at a goto back to an address only a run knows', () => {
    const episode = episodes.find((each) => each.id === CHECKOUT_ID)!;
    const back = { ...episode.actions[0]!, seq: 99, path: '/shop/products/:id' };
    const converted = convertSteps({ ...episode, actions: [...episode.actions.slice(0, 8), back] });
    expect(converted.stopped).toBeNull();
    expect(converted.ops.at(-2)?.op).toEqual({ kind: 'revisit', template: '/shop/products/:id' });
    const recording = toRecorderFlow(converted, BASE, values);
    expect(recording.written).toBe(8);
    expect(recording.stopped).toMatch(/^step 9 goes back to \/shop\/products\/:id/);
    expect(toPlaywrightScript(converted, BASE)).toContain(
      'await revisit(page, new RegExp("^\\\\/shop\\\\/products\\\\/[^/]+$"));',
    );
  });

  it('leaves out what a recording cannot say, with a note', () => {
    const { flow: bare, notes: said } = toRecorderFlow(checkout, BASE, DEFAULT_VALUES);
    expect(said).toEqual([
      'step 5: no value for {select} (give one with --values); left out',
      'step 14: no value for {select} (give one with --values); left out',
    ]);
    expect(() => parse(JSON.parse(JSON.stringify(bare)))).not.toThrow();
  });
});

describe('toPlaywrightScript', () => {
  const script = toPlaywrightScript(checkout, BASE);

  it('is a script Node can load', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tasktrace-convert-'));
    try {
      const file = path.join(dir, 'episode.mjs');
      writeFileSync(file, script);
      const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads slots as variables, with made-up defaults and no dataset values', () => {
    expect(script).toContain('TASKTRACE_SLOT_');
    expect(script).toContain('slot("email")');
    expect(script).toContain(JSON.stringify(DEFAULT_VALUES.email));
    expect(script).not.toContain(DEMO_VALUES.email);
    expect(script).toContain(`?? ${JSON.stringify(BASE)}`);
  });

  it('says where a script stops early', () => {
    expect(toPlaywrightScript(gap, BASE)).toContain('// Stops early: gap before step 3');
  });
});
