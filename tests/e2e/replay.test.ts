import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSite, serveDemoSite } from '../../demo/serve-demo-site';
import {
  BACK_ID,
  CHECKOUT_ID,
  DEMO_VALUES,
  demoEpisodesJsonl,
  EXCLUDED_GAP_ID,
  GOTO_GAP_ID,
} from '../fixtures/replay/demo-episodes';
import { ROOT } from './support/paths';
import { npmRun, replayReport } from './support/run-npm';
import { runRecorderFlow } from './support/run-recorder-flow';

// Replays hand-built episodes of the demo shop with `npm run replay` in real Chromium and
// Firefox, and one converted to a Chrome DevTools Recorder recording with @puppeteer/replay.

let site: DemoSite;
let dir: string;
let all: string;
let values: string;

/** A step may wait this long for its page: the excluded-pages gap waits it out once. */
const TIMEOUT = ['--timeout', '5000'];

beforeAll(async () => {
  site = await serveDemoSite({ port: 0 });
  dir = await mkdtemp(path.join(tmpdir(), 'tasktrace-replay-'));
  all = path.join(dir, 'episodes.jsonl');
  values = path.join(dir, 'values.json');
  // Recorded on another port: the base URL stands in for the recorded origin.
  await writeFile(all, demoEpisodesJsonl('http://127.0.0.1:8788'));
  await writeFile(values, JSON.stringify(DEMO_VALUES));
});

afterAll(async () => {
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const replay = (file: string, browser: string, extra: string[] = []) =>
  npmRun('replay', [
    '--episodes',
    file,
    '--base-url',
    site.url,
    '--values',
    values,
    '--browser',
    browser,
    ...TIMEOUT,
    ...extra,
  ]);

function expectCheckoutOk(stdout: string) {
  expect(replayReport(stdout, CHECKOUT_ID)).toEqual([
    `REPLAY ${CHECKOUT_ID} ok /shop/thanks 19/19`,
    // 15 steps have targets: every one found, one (a stale test id) by the observation.
    '  found by selector: 14, by observation: 1',
  ]);
}

function expectBackAndForth(stdout: string) {
  // Forward to a product page: the replay goes back to the address it had there.
  expect(replayReport(stdout, BACK_ID)).toEqual([
    `REPLAY ${BACK_ID} ok /shop/products/:id 6/6`,
    '  found by selector: 3, by observation: 0',
  ]);
}

function expectGaps(stdout: string) {
  const excluded = replayReport(stdout, EXCLUDED_GAP_ID);
  expect(excluded[0]).toBe(`REPLAY ${EXCLUDED_GAP_ID} fail /shop/account/ 2/4`);
  expect(excluded[2]).toMatch(
    /^ {2}reason: gap before step 3: it was recorded on \/shop\/checkout, but after step 2 the page is on \/shop\/account\//,
  );
  const goto = replayReport(stdout, GOTO_GAP_ID);
  expect(goto[0]).toBe(`REPLAY ${GOTO_GAP_ID} fail /shop/checkout 2/4`);
  expect(goto[2]).toMatch(
    /^ {2}reason: gap before step 3: step 3 goes to \/shop\/products\/:id from \/shop\/checkout/,
  );
}

// The two browsers at once: each is its own process, with its own fresh contexts.
describe.concurrent('npm run replay', () => {
  it('replays in Chromium: faithfully to the end, or up to a gap and says so', async () => {
    const { code, stdout, stderr } = await replay(all, 'chromium');
    expect(stderr).toContain(
      'step 3/19 click button: found by observation (button 4 of 7, as in the observation)',
    );
    expect(stderr).toContain('step 9/19 type {email}: found by selector ([data-testid="email"])');
    expectCheckoutOk(stdout);
    expectBackAndForth(stdout);
    expectGaps(stdout);
    // Any episode failing makes the exit code 1.
    expect(code).toBe(1);
  });

  it('does the same in Firefox, over WebDriver BiDi', async () => {
    const { code, stdout } = await replay(all, 'firefox', ['--quiet']);
    expectCheckoutOk(stdout);
    expectBackAndForth(stdout);
    expectGaps(stdout);
    expect(stdout.split('\n').filter((line) => line.startsWith('REPLAY '))).toHaveLength(4);
    expect(code).toBe(1);
  });
});

describe('npm run convert -- --to recorder', () => {
  it('writes a recording @puppeteer/replay replays to the same final path', async () => {
    const out = path.join(dir, 'recorder');
    const converted = await npmRun('convert', [
      '--in',
      all,
      '--to',
      'recorder',
      '--out',
      out,
      '--base-url',
      site.url,
      '--values',
      values,
    ]);
    expect(converted.code).toBe(0);
    expect(converted.stdout).toMatch(new RegExp(`^CONVERT ${CHECKOUT_ID} .*\\.json 19/19$`, 'm'));
    expect(converted.stdout).toMatch(/^ {2}stops early: gap before step 3: /m);
    expect(converted.stdout).toMatch(
      /^ {2}stops early: step 4 goes back to \/shop\/products\/:id/m,
    );
    expect(await readdir(out)).toHaveLength(4);

    const file = (await readdir(out)).find((name) => name.endsWith('_3.json'))!;
    const { ok, url } = await runRecorderFlow(path.join(out, file));
    expect(ok).toBe(true);
    expect(url.pathname).toBe('/shop/thanks');
    // The checkout form submits by GET: the values filled in came from the values file.
    expect(url.searchParams.get('email')).toBe(DEMO_VALUES.email);
    expect(url.searchParams.get('country')).toBe(DEMO_VALUES.select);
    expect(url.searchParams.get('save')).toBe('on');
  });
});

describe('npm run convert -- --to playwright', () => {
  it('writes a script that replays with playwright-core to the same final path', async () => {
    const out = path.join(dir, 'playwright');
    const converted = await npmRun('convert', ['--in', all, '--to', 'playwright', '--out', out]);
    expect(converted.code).toBe(0);
    // The script imports playwright-core: let it find this repository's.
    await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    const file = (await readdir(out)).find((name) => name.endsWith('_3.mjs'))!;
    const child = spawn(process.execPath, [path.join(out, file), '--values', values], {
      env: { ...process.env, TASKTRACE_BASE_URL: site.url, TASKTRACE_SLOT_TEL: '+1 555 0199' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stdout).toBe(`REPLAY ${CHECKOUT_ID} ok /shop/thanks 19/19\n`);
    expect(code).toBe(0);
  });
});
