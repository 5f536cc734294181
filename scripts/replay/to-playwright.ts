import type { FieldKind } from '../../lib/schema';
import type { ConvertedEpisode, ScriptOp, ScriptTarget } from './convert-steps';
import { DEFAULT_VALUES } from './default-values';
import { templatePattern } from './match-path';

const js = (value: unknown) => JSON.stringify(value);

/**
 * An episode as a standalone Node script (`.mjs`) that replays it with playwright-core
 * in Chromium. Slots are variables: each is read from `TASKTRACE_SLOT_<KIND>`, then from
 * a JSON values file (`--values FILE` or `TASKTRACE_VALUES`), then from made-up defaults
 * written into the script; the dataset holds no values. The site is `TASKTRACE_BASE_URL`,
 * by default `baseUrl`. Prints `REPLAY <id> ok|fail <final path> <steps>/<steps>`.
 */
export function toPlaywrightScript(episode: ConvertedEpisode, baseUrl: string): string {
  const slots = [
    ...new Set(episode.ops.flatMap(({ op }) => (op.kind === 'fill' ? [op.slot] : []))),
  ].sort();
  const defaults = Object.fromEntries(slots.map((slot) => [slot, DEFAULT_VALUES[slot]]));
  const body: string[] = [];
  for (const { step, comment, op } of episode.ops) {
    body.push(`  // ${comment.replace(/\n/g, ' ')}`);
    body.push(...statements(op, episode).map((line) => `  ${line}`));
    if (step !== null) body.push('  done += 1;');
  }
  const header = [
    '#!/usr/bin/env node',
    `// tasktrace episode ${episode.id}${episode.goal ? `: ${episode.goal.replace(/\n/g, ' ')}` : ''}`,
    '// Written by `npm run convert`: replays the episode with playwright-core in Chromium.',
    '//   node <this file> [--values values.json]',
    '// Slot values never come from the dataset (it holds none). Each slot is read from',
    '// TASKTRACE_SLOT_<KIND> (TASKTRACE_SLOT_EMAIL, TASKTRACE_SLOT_CC_NUMBER …), then from a JSON',
    '// file keyed by field kind (--values FILE or TASKTRACE_VALUES), then from DEFAULTS below.',
    '// TASKTRACE_BASE_URL: the site (default below); CHROMIUM_PATH: the browser.',
  ];
  if (episode.stopped) header.push(`// Stops early: ${episode.stopped.replace(/\n/g, ' ')}`);
  return `${header.join('\n')}
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const EPISODE = ${js(episode.id)};
const STEPS = ${episode.total};
const BASE_URL = (process.env.TASKTRACE_BASE_URL ?? ${js(baseUrl)}).replace(/\\/$/, '');
const TIMEOUT = 15_000;
const DEFAULTS = ${js(defaults)};

const valuesAt = process.argv.indexOf('--values');
const valuesFile = valuesAt > 0 ? process.argv[valuesAt + 1] : process.env.TASKTRACE_VALUES;
const fromFile = valuesFile ? JSON.parse(readFileSync(valuesFile, 'utf8')) : {};

/** The value for a slot, named by its field kind. */
function slot(kind) {
  const env = process.env[\`TASKTRACE_SLOT_\${kind.toUpperCase().replaceAll('-', '_')}\`];
  return String(env ?? fromFile[kind] ?? fromFile[\`{\${kind}}\`] ?? DEFAULTS[kind] ?? '');
}

/** Addresses the page was at, latest last: a goto back to one needs no identifiers. */
const visited = [];

async function revisit(page, pattern) {
  const href = visited.findLast((each) => pattern.test(new URL(each).pathname));
  if (!href) throw new Error(\`this replay was never on a page matching \${pattern}\`);
  await page.goto(href, { waitUntil: 'load' });
}

async function onPath(page, pattern) {
  await page.waitForURL((url) => pattern.test(url.pathname), { waitUntil: 'load', timeout: TIMEOUT });
}

/** The element by its recorded selector, or by its position in the observation when that no longer matches. */
async function target(bySelector, byPosition) {
  try {
    await bySelector.waitFor({ state: 'attached', timeout: 2_000 });
    return bySelector;
  } catch {
    return byPosition;
  }
}

async function setChoice(locator, value) {
  const off = /^(|0|false|off|no|unchecked)$/i.test(value.trim());
  if (!off) await locator.check({ timeout: TIMEOUT });
  else if ((await locator.getAttribute('type')) !== 'radio') await locator.uncheck({ timeout: TIMEOUT });
}

async function chooseOption(locator, value) {
  const options = await locator.evaluate((select) =>
    [...select.options].map((option) => ({ value: option.value, label: option.label.trim(), selected: option.selected })),
  );
  const named = options.find((option) => option.value === value || option.label === value);
  const other = options.find((option) => !option.selected && option.value !== '') ?? options[0];
  await locator.selectOption((named ?? other).value, { timeout: TIMEOUT });
}

function chooseFile(value) {
  if (value) return value;
  const file = join(tmpdir(), 'tasktrace-replay-upload.txt');
  writeFileSync(file, 'A file uploaded by a tasktrace replay.\\n');
  return file;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: !process.env.HEADED,
  args: ['--no-sandbox'],
});
let done = 0;
let page;
try {
${body.join('\n')}
  const final = new URL(page.url()).pathname;
  console.log(\`REPLAY \${EPISODE} \${done === STEPS ? 'ok' : 'fail'} \${final} \${done}/\${STEPS}\`);
  if (done !== STEPS) {
    console.log(${js(`  reason: ${episode.stopped ?? ''}`)});
    process.exitCode = 1;
  }
} catch (error) {
  const final = page ? new URL(page.url()).pathname : '-';
  console.log(\`REPLAY \${EPISODE} fail \${final} \${done}/\${STEPS}\`);
  console.log(\`  reason: step \${done + 1}: \${String(error.message).split('\\n')[0]}\`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
`;
}

function locator(target: ScriptTarget): string {
  let scope = 'page';
  for (const index of target.frame) {
    scope = `${scope}.locator('iframe, frame').nth(${index}).contentFrame()`;
  }
  const bySelector = target.selectors.reduce(
    (chain, selector) => `${chain}.locator(${js(selector)})`,
    scope,
  );
  if (!target.fallback) return bySelector;
  return `(await target(${bySelector}, ${scope}.locator(${js(`xpath=${target.fallback}`)})))`;
}

function statements(op: ScriptOp, episode: ConvertedEpisode): string[] {
  switch (op.kind) {
    case 'viewport':
      return [
        `page = await browser.newPage({ viewport: { width: ${op.w}, height: ${op.h} } });`,
        "page.on('framenavigated', (frame) => frame === page.mainFrame() && visited.push(frame.url()));",
      ];
    case 'navigate': {
      const base = op.origin === null || op.origin === episode.origin ? 'BASE_URL' : js(op.origin);
      return [`await page.goto(${base} + ${js(op.path)}, { waitUntil: 'load' });`];
    }
    case 'waitForPath':
      return [`await onPath(page, new RegExp(${js(templatePattern(op.template))}));`];
    case 'revisit':
      return [`await revisit(page, new RegExp(${js(templatePattern(op.template))}));`];
    case 'click':
      return [`await ${locator(op.target)}.click({ timeout: TIMEOUT });`];
    case 'press':
      return [`await page.keyboard.press(${js(op.keys.join('+'))});`];
    case 'scroll':
      return op.target
        ? [
            `await ${locator(op.target)}.evaluate((element, [x, y]) => element.scrollBy(x, y), [${op.dx}, ${op.dy}]);`,
          ]
        : [`await page.evaluate(([x, y]) => window.scrollBy(x, y), [${op.dx}, ${op.dy}]);`];
    case 'fill':
      return [fill(locator(op.target), op.slot, op.control)];
  }
}

function fill(target: string, slot: FieldKind, control: string): string {
  const value = `slot(${js(slot)})`;
  switch (control) {
    case 'choice':
      return `await setChoice(${target}, ${value});`;
    case 'select':
      return `await chooseOption(${target}, ${value});`;
    case 'file':
      return `await ${target}.setInputFiles(chooseFile(${value}), { timeout: TIMEOUT });`;
    default:
      return `await ${target}.fill(${value}, { timeout: TIMEOUT });`;
  }
}
