import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { type EpisodeAction, type EpisodeLine, episodeLine } from '../../lib/schema';
import { replayInChromiumContext } from '../../scripts/replay/chromium-browser';
import { replayInFirefox } from '../../scripts/replay/firefox-browser';
import { parseEpisodes } from '../../scripts/replay/read-episodes';
import { parseValues } from '../../scripts/replay/read-values';
import type { ReplayBrowser } from '../../scripts/replay/replay-browser';
import { replayEpisode } from '../../scripts/replay/replay-episode';
import type { PageHandle } from './support/driver';
import { type ChromiumDriver, launchChromium } from './support/launch-chromium';
import { type FirefoxDriver, launchFirefox } from './support/launch-firefox';
import { readExtensionDb } from './support/read-extension-db';
import { npmRun, replayReport } from './support/run-npm';
import { runRecorderFlow } from './support/run-recorder-flow';
import { type Stack, startStack } from './support/start-stack';

// Issue 16's proof on real recordings: a volunteer records five tasks on the demo shop with
// the extension, in Chromium and in Firefox; the researcher exports them as episodes; `npm
// run replay` replays them; the replays, recorded again by the extension, give the same
// actions on the same targets; and one episode converted to a Chrome DevTools Recorder
// recording replays with @puppeteer/replay.

/** What the replay fills in: the dataset holds no values (the volunteer searched "mug"). */
const VALUES = { search: 'mug', select: 'FR', email: 'robin@replay.example' };

/** The tasks, by goal: where each ended, and the one that passed through excluded pages. */
const CART = 'Put two desk lamps in the cart';
const CHECKOUT = 'Order with the checkout form';
const APP = 'Find the order on its way, then take the lamp off the wishlist';
const SEARCH = 'Search for a mug and add it to the cart';
const ACCOUNT = 'Look at my account, then add a tote bag';
const ENDS: Record<string, string> = {
  [CART]: '/shop/products/:id',
  [CHECKOUT]: '/shop/thanks',
  [APP]: '/shop/app/wishlist',
  [SEARCH]: '/shop/products/:id',
};

type Browsers = {
  chromium: () => Promise<ChromiumDriver>;
  firefox: () => Promise<FirefoxDriver>;
};
const LAUNCHERS: Browsers = { chromium: () => launchChromium(), firefox: () => launchFirefox() };

/** Where the replay runs inside the browser the extension records in. */
function replayBrowserOf(driver: ChromiumDriver | FirefoxDriver): ReplayBrowser {
  return 'context' in driver
    ? replayInChromiumContext(driver.context)
    : replayInFirefox(driver.browser);
}

/**
 * A page request to the background, as the popup's Start task and Done buttons send it.
 * Sent from the extension's tab where it is: bringing that tab to the front between the
 * volunteer's steps would record tab switches that a real popup never causes.
 */
async function tell(page: PageHandle, message: Record<string, unknown>): Promise<void> {
  // JSON both ways: Firefox's WebDriver BiDi may refuse to build an object argument in an
  // extension page ("Not allowed to define cross-origin object as property").
  const json = await page.evaluate(async (sent) => {
    type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const scope = globalThis as unknown as { browser?: Api; chrome: Api };
    const answer = await (scope.browser ?? scope.chrome).runtime.sendMessage(JSON.parse(sent));
    return JSON.stringify(answer);
  }, JSON.stringify(message));
  const result = JSON.parse(json) as { ok: boolean; error?: string };
  if (!result.ok) throw new Error(`${message.type}: ${result.error}`);
}

/**
 * Waits until no event has arrived for a moment: what a step led to (a load, its
 * observation) is stored before the volunteer marks the task's start or end, as a
 * person's pace ensures.
 */
async function settle(page: PageHandle): Promise<void> {
  let count = -1;
  for (let quiet = 0; quiet < 4; ) {
    const now = (await readExtensionDb(page)).events.length;
    quiet = now === count ? quiet + 1 : 0;
    count = now;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function upload(driver: ChromiumDriver | FirefoxDriver): Promise<void> {
  await settle(driver.extensionPage);
  await driver.openExtensionPage('popup.html');
  await driver.extensionPage.clickButton('Upload now');
  await driver.extensionPage.waitForText('Everything is uploaded.', 60_000);
}

/** The researcher's episodes export, each line checked against the dataset's schema.json. */
async function exportEpisodes(stack: Stack): Promise<{ text: string; episodes: EpisodeLine[] }> {
  const get = async (route: string) => {
    const response = await fetch(`${stack.collectorUrl}${route}`, {
      headers: { authorization: `Bearer ${stack.researcherToken}` },
    });
    expect(response.status, route).toBe(200);
    return response.text();
  };
  const validate = new Ajv2020({ allErrors: true, strict: true })
    .addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
    .compile(JSON.parse(await get('/v1/export/schema.json')));
  const text = await get('/v1/export?study=demo&format=episodes');
  const episodes = text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const json = JSON.parse(line) as unknown;
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
      return episodeLine.parse(json);
    });
  return { text, episodes };
}

/** The volunteer's five tasks on the demo shop, each begun from the product list. */
async function recordTasks(stack: Stack, extension: PageHandle, site: PageHandle) {
  const task = async (goal: string, steps: () => Promise<void>) => {
    await site.goto(`${stack.siteUrl}/shop/`);
    await settle(extension);
    await tell(extension, { type: 'task/start', goal });
    await steps();
    await settle(extension);
    await tell(extension, { type: 'task/end', outcome: 'done' });
  };
  const click = (testId: string) => site.click(`[data-testid="${testId}"]`);
  // A keyboard user picks an option by typing its name into the focused select, once
  // its page is there.
  const choose = async (testId: string, name: string) => {
    const focus = (css: string) => {
      const select = document.querySelector<HTMLElement>(css);
      select?.focus();
      return select !== null && document.activeElement === select;
    };
    for (
      let tries = 0;
      !(await site.evaluate(focus, `[data-testid="${testId}"]`).catch(() => false));
      tries++
    ) {
      if (tries > 50) throw new Error(`no ${testId} to choose from`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await site.typeText(name);
  };
  await task(CART, async () => {
    await click('product-link-4121');
    await choose('quantity', '2');
    await click('add-to-cart');
  });
  await task(CHECKOUT, async () => {
    await click('nav-cart');
    await click('name');
    await site.typeText('Vol Unteer');
    await click('email');
    await site.typeText('vol@example.org');
    await choose('country', 'France');
    await click('save-details');
    await click('place-order');
  });
  await task(APP, async () => {
    await click('nav-app');
    await click('open-orders-only');
    await click('track-7781');
    await click('app-tab-wishlist');
    await click('remove-4121');
  });
  await task(SEARCH, async () => {
    await click('search-input');
    await site.typeText('mug');
    await site.press('Enter');
    // The shop's list has the same link: wait for the results before taking it.
    await site.waitForText('1 product matches');
    await click('product-link-2317');
    await click('add-to-cart');
  });
  await task(ACCOUNT, async () => {
    // The account pages are outside the study: nothing of them is recorded.
    await click('nav-account');
    await click('sign-out');
    await click('add-to-cart-1042');
  });
}

/** Steps that act on an element: each must be found again, by selector or by observation. */
const targeted = (episode: EpisodeLine) =>
  episode.actions.filter(
    (action) =>
      ['click', 'type', 'select'].includes(action.type) ||
      (action.type === 'scroll' && (action.selector !== null || action.node !== null)),
  ).length;

/** An action as "the same action on the same target": never its time, box or node id. */
const signature = (action: EpisodeAction) =>
  JSON.stringify([
    action.type,
    action.path,
    action.frame,
    action.shadow,
    action.selector,
    action.field,
    action.slot,
    action.key,
    action.mods,
  ]);

const byGoal = (episodes: EpisodeLine[], goal: string) => {
  const found = episodes.filter((episode) => episode.goal === goal);
  expect(found, goal).toHaveLength(1);
  return found[0]!;
};

/** The account task's episode shows the gap: nothing recorded leads from the link to the next step. */
function expectAccountGap(episode: EpisodeLine) {
  const [toAccount, next] = episode.actions;
  expect(toAccount).toMatchObject({
    type: 'click',
    path: '/shop/',
    selector: '[data-testid="nav-account"]',
  });
  // The link's destination is excluded from the study: the observation never names it.
  const link = episode.observations
    .find(
      (each) => each.doc === toAccount!.observation?.doc && each.n === toAccount!.observation?.n,
    )
    ?.nodes.find((node) => node.id === toAccount!.node);
  expect(link).toMatchObject({ tag: 'a', role: 'link' });
  expect(link?.path).toBeUndefined();
  // The next step is on the shop again, in a page loaded since: what led there is missing.
  expect(next).toMatchObject({ path: '/shop/' });
  expect(next!.observation?.doc).not.toBe(toAccount!.observation?.doc);
  expect(JSON.stringify(episode)).not.toContain('/shop/account');
}

/** The volunteer joins the demo study, records the five tasks and uploads them. */
async function volunteer(stack: Stack, driver: ChromiumDriver | FirefoxDriver): Promise<void> {
  const extension = driver.extensionPage;
  await extension.fillByLabel('Study link', stack.studyLink);
  await extension.clickButton('Join study');
  await extension.waitForText('Never recorded');
  await extension.clickButton('I agree');
  await extension.waitForText('You joined Demo shop study');
  const site = await driver.newPage();
  await recordTasks(stack, extension, site);
  await site.close();
  await upload(driver);
}

/**
 * `npm run replay` in the same browser: the four go to the page their recording ended on,
 * every step found; the account task's stops at its gap and says so.
 */
async function expectCliReplay(
  name: keyof Browsers,
  stack: Stack,
  file: string,
  values: string,
  episodes: EpisodeLine[],
): Promise<void> {
  const { code, stdout, stderr } = await npmRun('replay', [
    ...['--episodes', file, '--base-url', stack.siteUrl, '--values', values],
    ...['--browser', name, '--timeout', '4000', '--quiet'],
  ]);
  for (const [goal, end] of Object.entries(ENDS)) {
    const episode = byGoal(episodes, goal);
    // The recording ended there: its last observation, after its last step.
    expect(episode.observations.at(-1)?.path, goal).toBe(end);
    const steps = episode.actions.length;
    const lines = replayReport(stdout, episode.task);
    expect(lines, `${goal}\n${stderr}`).toEqual([
      `REPLAY ${episode.task} ok ${end} ${steps}/${steps}`,
      expect.stringMatching(/^ {2}found by selector: \d+, by observation: \d+$/),
    ]);
    const [bySelector, byObservation] = lines[1]!.match(/\d+/g)!.map(Number);
    expect(bySelector! + byObservation!, `${goal}: every step with a target found`).toBe(
      targeted(episode),
    );
  }
  const account = byGoal(episodes, ACCOUNT);
  expectAccountGap(account);
  const gap = replayReport(stdout, account.task);
  expect(gap[0]).toBe(`REPLAY ${account.task} fail /shop/account/ 1/${account.actions.length}`);
  expect(gap.at(-1)).toMatch(
    /^ {2}reason: gap before step 2: it was recorded on \/shop\/, but after step 1 the page is on \/shop\/account\//,
  );
  expect(code).toBe(1);
}

/**
 * The four replayed in the browser the extension records in, each marked as a task as the
 * volunteer marked it; uploaded and exported again, they are the same actions on the
 * same targets as the episodes they replayed.
 */
async function expectSameWhenRecordedAgain(
  stack: Stack,
  driver: ChromiumDriver | FirefoxDriver,
  text: string,
  recorded: EpisodeLine[],
): Promise<void> {
  const extension = driver.extensionPage;
  const browser = replayBrowserOf(driver);
  for (const episode of parseEpisodes(text, 'episodes.jsonl')) {
    const goal = episode.goal ?? '';
    if (!ENDS[goal]) continue;
    const result = await replayEpisode(browser, episode, {
      baseUrl: stack.siteUrl,
      values: parseValues(JSON.stringify(VALUES), 'values.json'),
      timeoutMs: 4_000,
      log: () => undefined,
      beforeSteps: async () => {
        await settle(extension);
        await tell(extension, { type: 'task/start', goal });
      },
      afterSteps: async () => {
        await settle(extension);
        await tell(extension, { type: 'task/end', outcome: 'done' });
      },
    });
    expect(result, goal).toMatchObject({ ok: true, finalPath: ENDS[goal] });
  }
  await upload(driver);
  const again = (await exportEpisodes(stack)).episodes.filter(
    (episode) => !recorded.some((each) => each.task === episode.task),
  );
  // Scrolls of the window are the drivers' own: Playwright scrolls a target into view, a
  // replay scrolls by the recorded amount and may find the page already there. Every
  // other action, an element's scroll too, must come again the same.
  const acted = (episodes: EpisodeLine[], goal: string) =>
    byGoal(episodes, goal)
      .actions.filter((action) => !(action.type === 'scroll' && action.selector === null))
      .map(signature);
  for (const goal of Object.keys(ENDS)) {
    expect(acted(again, goal), goal).toEqual(acted(recorded, goal));
  }
}

/** The checkout as a Chrome DevTools Recorder recording: @puppeteer/replay ends on the same page. */
async function expectRecorderFlow(
  stack: Stack,
  dir: string,
  values: string,
  checkout: EpisodeLine,
): Promise<void> {
  const file = path.join(dir, 'checkout.jsonl');
  await writeFile(file, `${JSON.stringify(checkout)}\n`);
  const out = path.join(dir, 'recorder');
  const converted = await npmRun('convert', [
    ...['--in', file, '--to', 'recorder', '--out', out],
    ...['--base-url', stack.siteUrl, '--values', values],
  ]);
  const steps = checkout.actions.length;
  expect(converted.stdout).toMatch(
    new RegExp(`^CONVERT ${checkout.task} .*\\.json ${steps}/${steps}$`, 'm'),
  );
  expect(converted.code).toBe(0);
  const [recording] = await readdir(out);
  const { ok, url } = await runRecorderFlow(path.join(out, recording!));
  expect(ok).toBe(true);
  expect(url.pathname).toBe('/shop/thanks');
  // The form submits by GET: what was filled in and chosen came from the values.
  expect(url.searchParams.get('email')).toBe(VALUES.email);
  expect(url.searchParams.get('country')).toBe(VALUES.select);
  expect(url.searchParams.get('save')).toBe('on');
}

/** Runs a phase; an error says which (a browser's protocol errors carry no test frames). */
async function during(phase: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Error) error.message = `${phase}: ${error.message}`;
    throw error;
  }
}

async function prove(name: keyof Browsers): Promise<void> {
  const started = Date.now();
  const stack = await startStack();
  const driver = await LAUNCHERS[name]();
  const dir = await mkdtemp(path.join(tmpdir(), `tasktrace-recorded-${name}-`));
  try {
    await during('recording the five tasks', () => volunteer(stack, driver));
    const { text, episodes } = await exportEpisodes(stack);
    expect(episodes.map((episode) => episode.goal).sort()).toEqual(
      [CART, CHECKOUT, APP, SEARCH, ACCOUNT].sort(),
    );
    const file = path.join(dir, 'episodes.jsonl');
    const values = path.join(dir, 'values.json');
    await writeFile(file, text);
    await writeFile(values, JSON.stringify(VALUES));
    await during('npm run replay', () => expectCliReplay(name, stack, file, values, episodes));
    await during('recording the replays', () =>
      expectSameWhenRecordedAgain(stack, driver, text, episodes),
    );
    await during('the Recorder recording', () =>
      expectRecorderFlow(stack, dir, values, byGoal(episodes, CHECKOUT)),
    );
  } finally {
    await driver.close().catch(() => undefined);
    await stack.close();
    await rm(dir, { recursive: true, force: true });
    console.log(`replay-recorded in ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

// The two browsers at once: each has its own collector, demo shop and profile.
describe.concurrent('recorded episodes replay, and replays record the same', () => {
  it('in Chromium', () => prove('chromium'), 240_000);
  it('in Firefox', () => prove('firefox'), 240_000);
});
