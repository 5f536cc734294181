import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredSession } from '../../lib/db/schema';
import { eventLine, type TraceEvent, type UploadBatch } from '../../lib/schema';
import type { Driver, PageHandle } from './support/driver';
import { type ChromiumDriver, launchChromium } from './support/launch-chromium';
import { launchFirefox } from './support/launch-firefox';
import { ROOT } from './support/paths';
import { readExtensionDb, waitForEvents, waitForQuiet } from './support/read-extension-db';
import { exportEvents, type Stack, startStack } from './support/start-stack';

const LAUNCHERS = {
  chromium: () => launchChromium(),
  firefox: () => launchFirefox(),
} as const;

/** Screenshots land here for a person to look at; they are build output, not fixtures. */
const SHOTS = join(ROOT, '.output', 'screenshots');
const CARTS = ['1042', '2317', '3580'].map((id) => `[data-testid="add-to-cart-${id}"]`);

const bySeq = (events: TraceEvent[]) => [...events].sort((a, b) => a.seq - b.seq);

/** Polls a condition in the page until it holds. */
async function waitUntil(page: PageHandle, check: () => boolean, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(check, undefined))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** As `waitUntil`, for a condition that needs a value from the test. */
async function waitUntilWith<A>(
  page: PageHandle,
  check: (arg: A) => boolean,
  arg: A,
  what: string,
) {
  const deadline = Date.now() + 15_000;
  while (!(await page.evaluate(check, arg))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const text = (page: PageHandle, selector: string) =>
  page.evaluate((wanted: string) => document.querySelector(wanted)?.textContent ?? '', selector);

describe.each(Object.keys(LAUNCHERS) as (keyof typeof LAUNCHERS)[])(
  'the review page in %s',
  (browserName) => {
    let stack: Stack;
    let driver: Driver;
    let site: PageHandle;
    let clicks: TraceEvent[];
    let deleted: TraceEvent;

    /**
     * The review page in light and dark (Chromium only: Playwright can emulate both), with
     * axe's serious and critical findings (WCAG 2.1 A and AA) for each, which must be none.
     */
    const shoot = async (name: string, fullPage = true) => {
      if (driver.name !== 'chromium') return;
      const tab = (driver as ChromiumDriver).context
        .pages()
        .find((page) => page.url().includes('review.html'));
      if (!tab) throw new Error('No review page to photograph');
      const findings: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        await tab.emulateMedia({ colorScheme });
        await tab.screenshot({
          path: join(SHOTS, `review-${name}-${colorScheme}.png`),
          fullPage,
        });
        // Legacy mode runs axe in the page itself: the default opens a blank tab, which the
        // extension would record as a tab event in the session under review.
        const { violations } = await new AxeBuilder({ page: tab })
          .setLegacyMode(true)
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze();
        for (const violation of violations) {
          if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
          const where = violation.nodes.map((node) => node.target.join(' ')).join(', ');
          findings.push(`${name} ${colorScheme}: ${violation.id} at ${where}`);
        }
      }
      await tab.emulateMedia({ colorScheme: null });
      expect(findings).toEqual([]);
    };
    const session = async (): Promise<StoredSession> => {
      const { sessions } = await readExtensionDb(driver.extensionPage);
      expect(sessions).toHaveLength(1);
      return sessions[0] as StoredSession;
    };

    beforeAll(async () => {
      await mkdir(SHOTS, { recursive: true });
      stack = await startStack();
      driver = await LAUNCHERS[browserName]();
    });

    afterAll(async () => {
      await driver?.close();
      await stack?.close();
    });

    it('says nothing is recorded yet, then lists the session as it is recorded', async () => {
      const page = driver.extensionPage;
      await page.fillByLabel('Study link', stack.studyLink);
      await page.clickButton('Join study');
      await page.waitForText('Never recorded');
      await page.clickButton('I agree');
      await page.waitForText('You joined Demo shop study');

      await driver.openExtensionPage('review.html');
      await page.waitForText('Nothing recorded yet');
      await shoot('empty');

      site = await driver.newPage();
      await site.goto(`${stack.siteUrl}/shop/`);
      for (const cart of CARTS) await site.click(cart);
      const events = await waitForEvents(
        page,
        (all) => all.filter((event) => event.kind === 'click').length === 3,
      );
      clicks = bySeq(events.filter((event) => event.kind === 'click'));
      await waitForQuiet(page);

      // The page keeps up on its own: the session appears with its three clicks and more.
      await page.bringToFront();
      await waitUntil(
        page,
        () => document.querySelectorAll('tr[data-session]').length === 1,
        'a row',
      );
      const { sessions } = await readExtensionDb(page);
      const steps = String(sessions[0]?.eventCount);
      for (let tries = 0; (await text(page, 'tr[data-session] td.number')) !== steps; tries++) {
        if (tries > 50) throw new Error("The list does not show the session's steps");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await page.waitForText('Not uploaded');
      await page.waitForText('waiting to upload');
      await shoot('sessions');
    });

    it('shows the session as sentences, and deletes one step from IndexedDB', async () => {
      const page = driver.extensionPage;
      await page.click('tr[data-session] a');
      await page.waitForText('Clicked button');
      const sentences = await page.evaluate(
        () => [...document.querySelectorAll('.rv-step-sentence')].map((node) => node.textContent),
        undefined,
      );
      expect(sentences.filter((sentence) => sentence === 'Clicked button')).toHaveLength(3);
      expect(await text(page, `[data-seq="${clicks[0]?.seq}"] .rv-step-offset`)).toMatch(
        /^\+\d+:\d\d$/,
      );

      const before = await readExtensionDb(page);
      const sessionBefore = await session();
      deleted = clicks[1] as TraceEvent;
      const step = deleted.seq + 1;
      await page.click(`[data-seq="${deleted.seq}"] input[type="checkbox"]`);
      await page.waitForText(`Step ${step} selected.`);

      // Escape cancels: nothing is deleted.
      await page.clickButton(`Delete step ${step}`);
      await page.waitForText(`Delete step ${step}?`);
      await page.press('Escape');
      await waitUntil(page, () => !document.querySelector('dialog[open]'), 'the dialog to close');
      expect((await readExtensionDb(page)).events).toHaveLength(before.events.length);

      // By keyboard: Delete on the selected step asks; the dialog starts on Cancel; Tab, Enter.
      await page.evaluate(
        (seq) => (document.querySelector(`#step-${seq}`) as HTMLInputElement).focus(),
        deleted.seq,
      );
      await page.press('Delete');
      await waitUntil(
        page,
        () => document.activeElement?.textContent === 'Cancel',
        'focus on Cancel',
      );
      await page.press('Tab');
      await page.press('Enter');
      await page.waitForText(`Deleted step ${step} from this computer.`);

      const after = await readExtensionDb(page);
      expect(bySeq(after.events)).toEqual(
        bySeq(before.events.filter((event) => event.seq !== deleted.seq)),
      );
      expect((await session()).eventCount).toBe(sessionBefore.eventCount - 1);
      expect(
        await page.evaluate((seq) => !document.querySelector(`[data-seq="${seq}"]`), deleted.seq),
      ).toBe(true);
    });

    it('shows what the recorder saw at a step: roles and boxes, its target, no page text', async () => {
      const page = driver.extensionPage;
      // The recorder observes the page when it is idle, so the clicks above may have come
      // before its first observation (then they name none). One more click, once the page
      // has been observed, is taken against that observation.
      const { events: before } = await readExtensionDb(page);
      await waitForEvents(page, (all) => all.some((event) => event.kind === 'observation'));
      await site.bringToFront();
      await site.click(CARTS[0] as string);
      const grounded = (event: TraceEvent) =>
        event.kind === 'click' &&
        !before.some((old) => old.seq === event.seq) &&
        typeof event.at?.node === 'number';
      const events = await waitForEvents(page, (all) => all.some(grounded));
      const click = events.find(grounded) as TraceEvent;
      await waitForQuiet(page);
      await page.bringToFront();
      await waitUntilWith(
        page,
        (seq) => !!document.querySelector(`[data-seq="${seq}"] button.rv-saw-toggle`),
        click.seq,
        'the new step',
      );

      // Each observation is a compact step of its own, selected and deleted like any other.
      const { events: now } = await readExtensionDb(page);
      expect(
        await page.evaluate(() => document.querySelectorAll('li.rv-step-observation').length, 0),
      ).toBe(now.filter((event) => event.kind === 'observation').length);

      const toggle = `Show what the recorder saw at step ${click.seq + 1}`;
      await page.clickButton(toggle);
      await waitUntilWith(
        page,
        (seq) => !!document.querySelector(`#step-${seq}-saw svg[role="img"]`),
        click.seq,
        'the wireframe',
      );
      const drawing = await page.evaluate((seq) => {
        const panel = document.querySelector(`#step-${seq}-saw`) as HTMLElement;
        return {
          label: panel.querySelector('svg')?.getAttribute('aria-label') ?? '',
          boxes: panel.querySelectorAll('rect.wf-node').length,
          targets: panel.querySelectorAll('rect.wf-target').length,
          expanded: document
            .querySelector(`[data-seq="${seq}"] button.rv-saw-toggle`)
            ?.getAttribute('aria-expanded'),
          text: panel.textContent ?? '',
        };
      }, click.seq);
      expect(drawing.label).toMatch(
        /^Wireframe of the page: \d+ parts, the clicked button highlighted$/,
      );
      expect(drawing.boxes).toBeGreaterThan(5);
      expect(drawing.targets).toBe(1);
      expect(drawing.expanded).toBe('true');
      // Recorded at level structure: the shop's headings, names and buttons' words are nowhere.
      for (const content of ['Products', 'Canvas tote bag', 'Ceramic mug', 'Add to cart']) {
        expect(drawing.text).not.toContain(content);
      }
      await shoot('wireframe');
      await page.clickButton(toggle);
      await waitUntilWith(
        page,
        (seq) => !document.querySelector(`#step-${seq}-saw`),
        click.seq,
        'the wireframe to close',
      );
    });

    it('sets a task with its goal and outcome, and stores it', async () => {
      const page = driver.extensionPage;
      const [first, , last] = clicks as [TraceEvent, TraceEvent, TraceEvent];
      await page.click(`[data-seq="${first.seq}"] input[type="checkbox"]`);
      await page.clickButton('Start task here');
      await page.waitForText(`A task now starts at step ${first.seq + 1}.`);
      // "End task here" shortens the task to one step, then lengthens it to the last click.
      await page.click(`[data-seq="${first.seq}"] input[type="checkbox"]`);
      await page.clickButton('End task here');
      await page.waitForText(`Task 1 now ends at step ${first.seq + 1}.`);
      await page.click(`[data-seq="${last.seq}"] input[type="checkbox"]`);
      await page.clickButton('End task here');
      await page.waitForText(`Task 1 now ends at step ${last.seq + 1}.`);
      await page.clickButton('Edit task 1');
      await shoot('task-form');
      await page.fillByLabel('Goal', 'Put two lamps in the cart');
      await page.click('input[name="task-1-outcome"][value="done"]');
      await page.clickButton('Save task 1');
      await page.waitForText('Saved task 1.');
      await page.waitForText('Task 1: Put two lamps in the cart');

      expect((await session()).tasks?.spans).toEqual([
        { start: first.seq, end: last.seq, goal: 'Put two lamps in the cart', outcome: 'done' },
      ]);
      await shoot('session');
    });

    it('shows exactly what will be uploaded: the remaining unsent events', async () => {
      const page = driver.extensionPage;
      await page.clickButton('Show exactly what will be uploaded');
      await waitUntil(
        page,
        () => !!document.querySelector('[data-testid="upload-json"]'),
        'the JSON',
      );
      const batches = JSON.parse(await text(page, '[data-testid="upload-json"]')) as UploadBatch[];
      const { events } = await readExtensionDb(page);
      expect(batches.flatMap((batch) => batch.events)).toEqual(bySeq(events));
      expect(batches.every((batch) => batch.study === 'demo')).toBe(true);
      await shoot('preview');
    });

    it('uploads the session, and the collector has exactly the remaining events', async () => {
      const page = driver.extensionPage;
      await page.clickButton('Upload session');
      await waitUntil(
        page,
        () =>
          document
            .querySelector('[data-testid="upload-state"]')
            ?.textContent?.startsWith('Uploaded') ?? false,
        'the session to be uploaded',
        60_000,
      ).catch(async (error) => {
        const state = await text(page, '[data-testid="upload-state"]');
        const db = await readExtensionDb(page);
        throw new Error(
          `${error.message}: "${state}"; ${JSON.stringify(db.sessions)} ${JSON.stringify(db.events.map((e) => [e.seq, e.kind]))}`,
        );
      });
      await page.waitForText('Uploaded');
      const { events, uploaded } = await readExtensionDb(page);
      expect(bySeq(uploaded)).toEqual(bySeq(events));
      const exported = (await exportEvents(stack)).map((line) => eventLine.parse(line).event);
      expect(bySeq(exported)).toEqual(bySeq(events));
      expect(exported.some((event) => event.seq === deleted.seq)).toBe(false);
      await page.waitForText('Nothing in this session is waiting to upload.');
    });

    it('says a step already uploaded is at the collector before deleting it', async () => {
      const page = driver.extensionPage;
      const third = clicks[2] as TraceEvent;
      await page.click(`[data-seq="${third.seq}"] input[type="checkbox"]`);
      await page.clickButton(`Delete step ${third.seq + 1}`);
      await page.waitForText('One of these steps is already at the collector.');
      await page.waitForText('Leave and erase my data');
      await shoot('confirm-uploaded', false);
      await page.press('Escape');
      await waitUntil(page, () => !document.querySelector('dialog[open]'), 'the dialog to close');
      await page.clickButton('Clear selection');
      await page.click('.review-back a');
      await waitUntil(
        page,
        () => document.querySelectorAll('tr[data-session]').length === 1,
        'the list',
      );
      await page.waitForText('Nothing is waiting to upload.');
      await shoot('sessions-uploaded');
    });

    it('lists the session in the popup as uploaded, with its steps', async () => {
      const { sessions } = await readExtensionDb(driver.extensionPage);
      const steps = (sessions[0] as StoredSession).eventCount;
      await driver.openExtensionPage('popup.html');
      const page = driver.extensionPage;
      await page.waitForText('Recent sessions');
      const row = () => text(page, '.recent li[data-status="uploaded"]');
      await waitUntil(
        page,
        () => document.querySelector('.recent li[data-status="uploaded"]') !== null,
        'the popup to list the uploaded session',
      );
      expect(await row()).toContain(`${steps} steps: uploaded`);
      if (driver.name !== 'chromium') return;
      const tab = (driver as ChromiumDriver).context
        .pages()
        .find((candidate) => candidate.url().includes('popup.html'));
      for (const colorScheme of ['light', 'dark'] as const) {
        await tab?.emulateMedia({ colorScheme });
        await tab?.screenshot({ path: join(SHOTS, `popup-recent-${colorScheme}.png`) });
      }
    });
  },
);
