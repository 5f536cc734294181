import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventLine, type TraceEvent } from '../../lib/schema';
import { foldObservations } from '../../lib/trace/fold-observations';
import type { Driver, PageHandle } from './support/driver';
import { launchChromium } from './support/launch-chromium';
import { launchFirefox } from './support/launch-firefox';
import { readExtensionDb, waitForEvents, waitForQuiet } from './support/read-extension-db';
import { exportEvents, type Stack, startStack } from './support/start-stack';

const LAUNCHERS = { chromium: () => launchChromium(), firefox: () => launchFirefox() } as const;

const clicksOn = (events: TraceEvent[], origin: string, selector?: string) =>
  events.filter(
    (event) =>
      event.kind === 'click' &&
      event.page.origin === origin &&
      (selector === undefined || event.target.selector === selector),
  );

describe.each(Object.keys(LAUNCHERS) as (keyof typeof LAUNCHERS)[])(
  'the whole loop in %s',
  (browserName) => {
    let stack: Stack;
    let driver: Driver;
    let site: PageHandle;

    beforeAll(async () => {
      stack = await startStack();
      driver = await LAUNCHERS[browserName]();
      site = await driver.newPage();
    });

    afterAll(async () => {
      await driver?.close();
      await stack?.close();
    });

    it('joins the demo study through the onboarding page', async () => {
      const page = driver.extensionPage;
      await page.fillByLabel('Study link', stack.studyLink);
      await page.clickButton('Join study');
      await page.waitForText('Demo shop study');
      await page.waitForText('Never recorded');
      await page.clickButton('I agree');
      await page.waitForText('You joined Demo shop study');
    });

    it('records a click on an allowlisted page with its target descriptor', async () => {
      await site.goto(`${stack.siteUrl}/shop/`);
      await site.click('[data-testid="add-to-cart-1042"]');
      const events = await waitForEvents(
        driver.extensionPage,
        (all) => clicksOn(all, stack.siteUrl).length > 0,
      );
      const [click] = clicksOn(events, stack.siteUrl);
      expect(click).toMatchObject({
        kind: 'click',
        button: 0,
        clicks: 1,
        page: { origin: stack.siteUrl, path: '/shop/' },
        target: {
          tag: 'button',
          role: 'button',
          field: null,
          selector: '[data-testid="add-to-cart-1042"]',
        },
      });
      if (click?.kind !== 'click') throw new Error('unreachable');
      expect(click.target.box.w).toBeGreaterThan(0);
      expect(click.target.viewport.w).toBeGreaterThan(0);
      // The background saw the committed load of the same page.
      expect(
        events.some((event) => event.kind === 'navigation' && event.page.origin === stack.siteUrl),
      ).toBe(true);
    });

    it('records what the page offered, and grounds a click in the clicked button', async () => {
      const fullOnes = (all: TraceEvent[]) =>
        all.filter(
          (event) =>
            event.kind === 'observation' && event.full && event.page.origin === stack.siteUrl,
        );
      const before = fullOnes((await readExtensionDb(driver.extensionPage)).events).length;
      await site.goto(`${stack.siteUrl}/shop/`);
      // A new document: its first observation lists the whole page.
      const loaded = await waitForEvents(
        driver.extensionPage,
        (all) => fullOnes(all).length > before,
      );
      const first = fullOnes(loaded).at(-1);
      if (first?.kind !== 'observation') throw new Error('unreachable');
      expect(first).toMatchObject({ page: { path: '/shop/' }, n: 1, cause: 'load' });

      await site.click('[data-testid="add-to-cart-5096"]');
      const events = await waitForEvents(
        driver.extensionPage,
        (all) => clicksOn(all, stack.siteUrl, '[data-testid="add-to-cart-5096"]').length > 0,
      );
      const [click] = clicksOn(events, stack.siteUrl, '[data-testid="add-to-cart-5096"]');
      if (click?.kind !== 'click' || !click.at)
        throw new Error(`not grounded: ${JSON.stringify(click)}`);
      const at = click.at;
      expect(at.doc).toBe(first.doc);
      // The observation it names was recorded before it; folded, it has the button.
      const seen = foldObservations(events.filter((event) => event.seq < click.seq)).at(
        at.doc,
        at.n,
      );
      const node = seen?.nodes.find((each) => each.id === at.node);
      expect(node).toMatchObject({ tag: 'button', role: 'button', field: null });
      // A node's box is in the document; the target's is on screen, where the page was
      // scrolled by the last page scroll recorded before the click (the browser scrolls
      // the button into view first).
      const scrolls = events.filter(
        (event) => event.kind === 'scroll' && event.seq < click.seq && event.target === undefined,
      );
      const scrolled = scrolls.at(-1);
      const scrollY = scrolled?.kind === 'scroll' ? scrolled.y : 0;
      for (const edge of ['x', 'w', 'h'] as const) {
        expect(Math.abs(node!.box[edge] - click.target.box[edge])).toBeLessThanOrEqual(4);
      }
      expect(Math.abs(node!.box.y - scrollY - click.target.box.y)).toBeLessThanOrEqual(4);
      expect(seen?.nodes.find((each) => each.id === node!.parent)).toMatchObject({
        tag: 'li',
        role: 'listitem',
      });
      // add-to-cart-5096 is the page's sixth button: the search form's, then one in each
      // of six product cards.
      const buttons = seen!.nodes.filter((each) => each.tag === 'button');
      expect(buttons).toHaveLength(7);
      expect(buttons[5]?.id).toBe(at.node);
      // Structure only, at the study's level: nothing of the page's text.
      const observed = events.filter((event) => event.kind === 'observation');
      expect(JSON.stringify(observed)).not.toMatch(/socks|tote|canvas|€|Add to cart|"name"/i);
    });

    it('records nothing from the same page on an origin the study does not list', async () => {
      const other = await driver.newPage();
      await other.goto(`${stack.otherOriginUrl}/shop/`);
      await other.click('[data-testid="add-to-cart-2317"]');
      await other.close();
      // A later click on the allowlisted origin proves the pipeline has caught up.
      await site.click('[data-testid="add-to-cart-2317"]');
      const events = await waitForEvents(
        driver.extensionPage,
        (all) => clicksOn(all, stack.siteUrl, '[data-testid="add-to-cart-2317"]').length > 0,
      );
      const fromOther = events.filter(
        (event) => 'page' in event && event.page?.origin === stack.otherOriginUrl,
      );
      expect(fromOther).toEqual([]);
    });

    it('pauses and resumes capture from the popup', async () => {
      await driver.openExtensionPage('popup.html');
      const popup = driver.extensionPage;
      await popup.waitForText('Recording');
      await popup.clickButton('Pause recording');
      await popup.waitForText('Resume recording');
      const before = (await readExtensionDb(popup)).events.length;

      await site.click('[data-testid="add-to-cart-3580"]');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const whilePaused = await readExtensionDb(popup);
      expect(
        clicksOn(whilePaused.events, stack.siteUrl, '[data-testid="add-to-cart-3580"]'),
      ).toEqual([]);
      // Nothing at all was stored while paused.
      expect(whilePaused.events.length).toBe(before);

      await popup.clickButton('Resume recording');
      await popup.waitForText('Pause recording');
      await site.click('[data-testid="add-to-cart-4121"]');
      await waitForEvents(
        popup,
        (all) => clicksOn(all, stack.siteUrl, '[data-testid="add-to-cart-4121"]').length === 1,
      );
      const after = await readExtensionDb(popup);
      expect(clicksOn(after.events, stack.siteUrl, '[data-testid="add-to-cart-3580"]')).toEqual([]);
      expect(after.events.some((event) => event.kind === 'pause')).toBe(true);
    });

    it('uploads to the collector, and the researcher exports each event exactly once', async () => {
      const popup = driver.extensionPage;
      await waitForQuiet(popup);
      await popup.clickButton('Upload now');
      await popup.waitForText('Everything is uploaded.', 60_000).catch(async (error) => {
        const pending = await popup.evaluate(
          () => document.querySelector('[data-testid="pending-upload"]')?.textContent,
          undefined,
        );
        const { events, uploaded } = await readExtensionDb(popup);
        const late = events.filter(
          (event) => !uploaded.some((u) => u.session === event.session && u.seq === event.seq),
        );
        throw new Error(
          `${error.message}; popup says "${pending}"; not uploaded: ${JSON.stringify(late)}`,
        );
      });
      const { uploaded } = await readExtensionDb(popup);
      expect(uploaded.length).toBeGreaterThan(0);

      const lines = (await exportEvents(stack)).map((line) => eventLine.parse(line));
      expect(lines).toHaveLength(uploaded.length);
      const keys = new Set(lines.map((line) => `${line.session}:${line.event.seq}`));
      expect(keys.size).toBe(uploaded.length);
      for (const event of uploaded) {
        expect(keys.has(`${event.session}:${event.seq}`)).toBe(true);
      }
      expect(lines.every((line) => line.study === 'demo')).toBe(true);
    });
  },
);
