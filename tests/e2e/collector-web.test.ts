import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EpisodeLine, eventLine, sessionDetail, sessionsPage } from '../../lib/schema';
import { type ChromiumDriver, launchChromium } from './support/launch-chromium';
import { ROOT } from './support/paths';
import { waitForEvents } from './support/read-extension-db';
import { exportEvents, type Stack, startStack } from './support/start-stack';

const SHOTS = join(ROOT, '.output', 'screenshots');
const CARTS = ['1042', '2317', '3580'];
const VOLUNTEER_GOAL = 'Buy three lamps';
const CONFLICT = 'Someone else saved this session first. Reload to see their changes.';

let stack: Stack;
let driver: ChromiumDriver;

beforeAll(async () => {
  stack = await startStack();
  driver = await launchChromium();
});

afterAll(async () => {
  await driver?.close();
  await stack?.close();
});

async function api(path: string): Promise<unknown> {
  const response = await fetch(`${stack.collectorUrl}${path}`, {
    headers: { authorization: `Bearer ${stack.researcherToken}` },
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

async function exportEpisodes(): Promise<EpisodeLine[]> {
  const response = await fetch(`${stack.collectorUrl}/v1/export?study=demo&format=episodes`, {
    headers: { authorization: `Bearer ${stack.researcherToken}` },
  });
  expect(response.status).toBe(200);
  return (await response.text())
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EpisodeLine);
}

/** A plain tab (not an extension page), recording anything the page's CSP blocks. */
async function newTab(): Promise<Page> {
  const page = await driver.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.addInitScript(() => {
    const blocked: string[] = [];
    Object.assign(window, { cspViolations: blocked });
    document.addEventListener('securitypolicyviolation', (event) =>
      blocked.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return page;
}

async function expectNothingBlocked(page: Page): Promise<void> {
  const blocked = await page.evaluate(
    () => (window as unknown as { cspViolations: string[] }).cspViolations,
  );
  expect(blocked).toEqual([]);
}

/** One of the collector's pages in a new tab, token entered. */
async function openWithToken(path: string, token = stack.researcherToken): Promise<Page> {
  const page = await newTab();
  await page.goto(`${stack.collectorUrl}${path}`);
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Continue' }).click();
  return page;
}

/** Zero serious or critical axe violations (WCAG 2.1 A and AA), in light and in dark. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    const bad = result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        nodes: violation.nodes.map((node) => node.target.join(' ')),
      }));
    expect(bad, `${name} (${colorScheme})`).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `${name}-${colorScheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('the collector web UI in Chromium', () => {
  let sessionId: string;
  let eventCount: number;

  it('gets a session in: join, click in the shop, upload', async () => {
    const onboarding = driver.extensionPage;
    await onboarding.fillByLabel('Study link', stack.studyLink);
    await onboarding.clickButton('Join study');
    await onboarding.waitForText('Never recorded');
    await onboarding.clickButton('I agree');
    await onboarding.waitForText('You joined Demo shop study');

    const site = await driver.newPage();
    await site.goto(`${stack.siteUrl}/shop/`);
    // The volunteer marks a task in the popup: the annotator sees it as a suggestion.
    await driver.openExtensionPage('popup.html');
    await driver.extensionPage.clickButton('Start task');
    await driver.extensionPage.fillByLabel('Goal', VOLUNTEER_GOAL);
    await driver.extensionPage.clickButton('Start');
    await driver.extensionPage.waitForText(VOLUNTEER_GOAL);
    for (const id of CARTS) await site.click(`[data-testid="add-to-cart-${id}"]`);
    await waitForEvents(
      onboarding,
      (events) =>
        events.filter(
          (event) =>
            event.kind === 'click' && event.target.selector.startsWith('[data-testid="add-to-cart'),
        ).length === CARTS.length,
    );
    await driver.extensionPage.clickButton('Done');
    await driver.extensionPage.clickButton('Upload now');
    await driver.extensionPage.waitForText('Everything is uploaded.', 60_000);
    await site.close();

    const page = sessionsPage.parse(await api('/v1/sessions?study=demo'));
    expect(page.sessions).toHaveLength(1);
    sessionId = page.sessions[0]!.id;
    eventCount = (await exportEvents(stack)).map((line) => eventLine.parse(line)).length;
    expect(eventCount).toBeGreaterThanOrEqual(CARTS.length + 1);
  });

  it('dashboard: asks for the token, refuses a wrong one, shows the figures and downloads', async () => {
    const page = await newTab();
    await page.goto(`${stack.collectorUrl}/`);
    // The token is asked for, never in the page.
    expect(await page.content()).not.toContain(stack.researcherToken);
    await expect(page.getByLabel('Access token').getAttribute('type')).resolves.toBe('password');
    await page.getByLabel('Access token').fill('wrong-token');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('alert').filter({ hasText: 'did not accept this access token' }).waitFor();
    await expectAccessible(page, 'collector-token');

    await page.getByLabel('Access token').fill(stack.researcherToken);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Demo shop study' }).waitFor();
    const figure = (name: string) =>
      page.getByTestId(`figure-${name}`).locator('.figure-value').textContent();
    await page.getByTestId('figure-participants').waitFor();
    expect(await figure('participants')).toBe('1');
    expect(await figure('sessions')).toBe('1');
    expect(await figure('events')).toBe(String(eventCount));
    expect(await figure('annotated-sessions')).toBe('0');
    // The chart: SVG bars with titles, and the same figures as a table.
    const chart = page.getByRole('img', { name: 'Events per day' });
    await chart.waitFor();
    expect(await chart.locator('rect.bar').count()).toBe(1);
    expect(await chart.locator('rect.bar title').textContent()).toContain(`${eventCount} events`);
    await page.getByText('Show as a table').click();
    const today = new Date().toISOString().slice(0, 10);
    await page.getByRole('cell', { name: today }).waitFor();
    // Nothing in the address or the storage but this tab's sessionStorage.
    expect(page.url()).not.toContain(stack.researcherToken);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download events' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('demo-events.jsonl');
    const file = await readFile((await download.path()) as string, 'utf8');
    expect(file.trim().split('\n')).toHaveLength(eventCount);
    await page.getByText('Saved demo-events.jsonl').waitFor();

    await expectAccessible(page, 'collector-dashboard');
    await expectNothingBlocked(page);
    await page.close();
  });

  it('annotate: marks a task by keyboard, saves it, and the episodes export uses it', async () => {
    const page = await openWithToken('/annotate');
    const row = page.locator(`tr[data-session="${sessionId}"]`);
    await row.waitFor();
    expect(await row.getByText('not yet').count()).toBe(1);
    expect(await row.locator('td').nth(3).textContent()).toBe('1');
    await expectAccessible(page, 'collector-sessions');
    await row.getByRole('link').click();

    const timeline = page.getByRole('listbox', { name: 'Steps of this session' });
    await timeline.waitFor();
    // The volunteer's task, as a suggestion.
    await page.getByText(`Volunteer: “${VOLUNTEER_GOAL}” starts`).waitFor();
    await page
      .getByRole('region', { name: "The volunteer's tasks" })
      .getByText(`“${VOLUNTEER_GOAL}”`)
      .waitFor();
    expect(await timeline.getByRole('option').count()).toBe(eventCount);
    // The timeline has the focus: j and k move, s and e mark.
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('timeline');
    const events = sessionDetail.parse(await api(`/v1/sessions/${sessionId}`)).events;
    const first = events.find((event) => event.kind === 'click')!;
    const last = events.filter((event) => event.kind === 'click').at(-1)!;
    const firstIndex = events.indexOf(first);
    const lastIndex = events.indexOf(last);
    for (let i = 0; i < firstIndex + 1; i++) await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await timeline.getByRole('option', { selected: true }).getAttribute('data-seq')).toBe(
      String(first.seq),
    );
    await page.keyboard.press('s');
    for (let i = firstIndex; i < lastIndex; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('e');
    const card = page.getByTestId('task-1');
    await card.getByText(`steps ${first.seq + 1}–${last.seq + 1}`).waitFor();
    expect(await page.getByText('Task 1 starts').count()).toBe(1);
    expect(await page.getByText('Task 1 ends').count()).toBe(1);

    // ? lists the shortcuts; Escape closes the list.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    // Every control is reachable by Tab from the timeline, with a visible focus.
    await timeline.focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      return { text: element.textContent, outline: style.outlineStyle };
    });
    expect(focused.text).toContain('Start task here');
    expect(focused.outline).not.toBe('none');

    await card.getByLabel('Goal').fill('Add three lamps to the cart');
    await card.getByLabel('Outcome').selectOption('done');
    await page.getByRole('button', { name: 'Save tasks' }).click();
    await page.getByText('Saved as version 1.').waitFor();
    await expectAccessible(page, 'collector-annotate');
    await expectNothingBlocked(page);

    const episodes = await exportEpisodes();
    const annotated = episodes.filter((episode) => episode.boundariesBy === 'annotator');
    expect(annotated).toHaveLength(1);
    expect(annotated[0]).toMatchObject({
      session: sessionId,
      goal: 'Add three lamps to the cart',
      outcome: 'done',
      start: { seq: first.seq },
      end: { seq: last.seq },
    });
    await page.close();

    // The dashboard counts it.
    const stats = (await api('/v1/stats?study=demo')) as { annotatedSessions: number };
    expect(stats.annotatedSessions).toBe(1);
  });

  it('two annotators race: the second is told, and nothing is overwritten', async () => {
    const url = `/annotate?session=${encodeURIComponent(sessionId)}`;
    const [first, second] = [await openWithToken(url), await openWithToken(url)];
    for (const page of [first, second]) {
      await page.getByTestId('task-1').waitFor();
    }
    await first.getByTestId('task-1').getByLabel('Goal').fill('Fill the cart');
    await second.getByTestId('task-1').getByLabel('Outcome').selectOption('gave-up');

    await first.getByRole('button', { name: 'Save tasks' }).click();
    await first.getByText('Saved as version 2.').waitFor();
    await second.getByRole('button', { name: 'Save tasks' }).click();
    await second.getByRole('alert').filter({ hasText: CONFLICT }).waitFor();
    await second.screenshot({ path: join(SHOTS, 'collector-annotate-conflict-light.png') });

    // What is stored is the first save, untouched by the second.
    const stored = sessionDetail.parse(await api(`/v1/sessions/${sessionId}`)).annotator;
    expect(stored.version).toBe(2);
    expect(stored.tasks[0]).toMatchObject({ goal: 'Fill the cart', outcome: 'done' });

    // Reload shows the other annotator's work.
    await second.getByRole('button', { name: 'Reload' }).click();
    await second.getByText('annotation version 2').waitFor();
    expect(await second.getByTestId('task-1').getByLabel('Goal').inputValue()).toBe(
      'Fill the cart',
    );
    expect(await second.getByTestId('task-1').getByLabel('Outcome').inputValue()).toBe('done');
    await first.close();
    await second.close();
  });
});
