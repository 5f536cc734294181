import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_PARTICIPANT } from '../../lib/db/export-local-jsonl';
import type { LocalExport } from '../../lib/schema';
import { type EventLine, eventLine, type TraceEvent } from '../../lib/schema';
import type { Driver, PageHandle } from './support/driver';
import { type ChromiumDriver, launchChromium } from './support/launch-chromium';
import { launchFirefox } from './support/launch-firefox';
import { readExtensionDb, waitForEvents, waitForQuiet } from './support/read-extension-db';
import { exportEvents, type Stack, startStack } from './support/start-stack';

const LAUNCHERS = {
  chromium: () => launchChromium(),
  // Answers the browser's site-permission prompt with "allow", as the volunteer would.
  firefox: () => launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } }),
} as const;
const SITE = 'http://127.0.0.1/shop/*';
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));
/** Local recording names no test-id attribute, so clicks are told apart by page. */
const clicksOn = (events: TraceEvent[], origin: string, path: string) =>
  events.filter(
    (event) => event.kind === 'click' && event.page.origin === origin && event.page.path === path,
  );
const fromSite = (events: TraceEvent[], origin: string) =>
  events.filter((event) => 'page' in event && event.page?.origin === origin);

async function exportThroughBackground(page: PageHandle): Promise<LocalExport> {
  const json = await page.evaluate(async () => {
    type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const scope = globalThis as unknown as { browser?: Api; chrome: Api };
    return JSON.stringify(
      await (scope.browser ?? scope.chrome).runtime.sendMessage({ type: 'local/export' }),
    );
  }, undefined);
  const result = JSON.parse(json) as { ok: true; value: LocalExport };
  return result.value;
}

const parseJsonl = (jsonl: string): EventLine[] =>
  jsonl
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => eventLine.parse(JSON.parse(line)));

describe.each(Object.keys(LAUNCHERS) as (keyof typeof LAUNCHERS)[])(
  'recording for yourself in %s',
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

    it('records only the sites the volunteer adds', async () => {
      await driver.openExtensionPage('options.html');
      const page = driver.extensionPage;
      await page.clickButton('Record for myself');
      await page.waitForText('Recording for yourself');
      await page.fillByLabel('Site to record', SITE);
      await page.clickButton('Add site');
      await page.waitForText(`Recording ${SITE}`);

      await site.goto(`${stack.otherOriginUrl}/shop/`);
      await site.click('[data-testid="add-to-cart-2317"]');
      await site.goto(`${stack.siteUrl}/shop/`);
      await site.click('[data-testid="add-to-cart-1042"]');
      const events = await waitForEvents(
        page,
        (all) => clicksOn(all, stack.siteUrl, '/shop/').length === 1,
      );
      expect(fromSite(events, stack.otherOriginUrl)).toEqual([]);
      const { sessions } = await readExtensionDb(page);
      expect(sessions.map((session) => [session.studyId, session.consentVersion])).toEqual([
        [null, 'local'],
      ]);
    });

    it('exports every event as JSONL in the dataset format, and uploads nothing', async () => {
      const page = driver.extensionPage;
      // An observation or a scroll may still be on its way: both exports must see it.
      await waitForQuiet(page);
      const { events } = await readExtensionDb(page);
      const file = await exportThroughBackground(page);
      const lines = parseJsonl(file.jsonl);
      expect(file.lines).toBe(events.length);
      expect(lines.map((line) => line.event)).toEqual(events);
      expect(
        lines.every(
          (line) =>
            line.study === 'local' &&
            line.participant === LOCAL_PARTICIPANT &&
            line.consentVersion === 'local',
        ),
      ).toBe(true);
      expect(file.fileName).toMatch(/^tasktrace-\d{4}-\d{2}-\d{2}\.events\.jsonl$/);
      expect(await exportEvents(stack)).toEqual([]);

      if (driver.name === 'chromium') {
        // The button saves the same file through the browser's downloads.
        const chromium = driver as ChromiumDriver;
        const tab = chromium.context
          .pages()
          .find((candidate) => candidate.url().endsWith('options.html'));
        if (!tab) throw new Error('options tab not found');
        const [download] = await Promise.all([
          tab.waitForEvent('download'),
          page.clickButton('Export as JSONL'),
        ]);
        expect(download.suggestedFilename()).toBe(file.fileName);
        const saved = await readFile(await download.path(), 'utf8');
        expect(parseJsonl(saved)).toEqual(lines);
      }
    });

    it('a removed site stops recording at once and keeps what it recorded', async () => {
      const page = driver.extensionPage;
      await page.clickButton(`Stop recording ${SITE}`);
      await page.waitForText(`${SITE} is no longer recorded`);
      const before = await readExtensionDb(page);
      await site.bringToFront();
      await site.click('[data-testid="add-to-cart-3580"]');
      await site.goto(`${stack.siteUrl}/shop/products/3580`);
      await settle();
      const after = await readExtensionDb(page);
      expect(fromSite(after.events, stack.siteUrl)).toEqual(fromSite(before.events, stack.siteUrl));
      expect(fromSite(after.events, stack.siteUrl).length).toBeGreaterThan(0);
    });

    it('"Stop and delete my recordings" leaves nothing behind', async () => {
      const page = driver.extensionPage;
      await page.clickButton('Stop and delete my recordings');
      await page.clickButton('Stop and delete');
      await page.waitForText('Recording has stopped');
      const after = await readExtensionDb(page);
      expect(after).toEqual({ events: [], uploaded: [], sessions: [] });
    });
  },
);
