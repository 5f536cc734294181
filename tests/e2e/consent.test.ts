import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEVER_RECORDED, RECORDED } from '../../lib/privacy/disclosure';
import { eventLine, type StudyFile, type TraceEvent } from '../../lib/schema';
import type { Driver, PageHandle } from './support/driver';
import { launchChromium } from './support/launch-chromium';
import { launchFirefox } from './support/launch-firefox';
import { readExtensionDb, waitForEvents } from './support/read-extension-db';
import { dumpExtensionStorage } from './support/read-extension-storage';
import { exportEvents, type Stack, startStack } from './support/start-stack';

const LAUNCHERS = {
  chromium: () => launchChromium(),
  // Leaving and declining really give site access back in Firefox, so the next join asks
  // again; this preference answers the browser's prompt with "allow", as a volunteer would.
  firefox: () => launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } }),
} as const;
const CHANGED_CONSENT = '2026-12-01';
const CHANGED_WHILE_READING = '2026-12-02';
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));

const clicksOn = (events: TraceEvent[], selector: string) =>
  events.filter((event) => event.kind === 'click' && event.target.selector === selector);

/** A server that answers every study link with a study missing its sites. */
async function serveBrokenStudy(): Promise<{ link: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify({
        id: 'broken',
        name: 'Broken',
        researcher: { name: 'Lab', contact: 'lab@uni.example' },
        consent: { text: 'x', version: '1' },
        allowlist: [],
        retentionDays: 30,
        endpoint: 'http://127.0.0.1:1',
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { link: `http://127.0.0.1:${port}/v1/studies/broken`, server };
}

/** What the extension keeps, apart from the e2e build's own log of messages. */
async function leftBehind(page: PageHandle) {
  const { indexedDb, storage } = await dumpExtensionStorage(page);
  const stores = JSON.parse(indexedDb) as Record<string, unknown[]>;
  const scripts = await page.evaluate(async () => {
    type Api = { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };
    const scope = globalThis as unknown as { browser?: Api; chrome: Api };
    return JSON.stringify(
      await (scope.browser ?? scope.chrome).scripting.getRegisteredContentScripts(),
    );
  }, undefined);
  return {
    rows: Object.values(stores).flat().length,
    storageKeys: Object.keys(storage),
    scripts: JSON.parse(scripts) as unknown[],
  };
}

/** The enrollment the extension keeps, if any: the meta value holding a participant id. */
async function storedEnrollment(page: PageHandle) {
  const stores = JSON.parse((await dumpExtensionStorage(page)).indexedDb) as Record<
    string,
    unknown[]
  >;
  return (stores.meta ?? []).find(
    (value) => typeof value === 'object' && value !== null && 'participantId' in value,
  ) as { consentVersion: string; study: StudyFile } | undefined;
}

async function joinDemoStudy(page: PageHandle, stack: Stack) {
  await page.fillByLabel('Study link', stack.studyLink);
  await page.clickButton('Join study');
  await page.waitForText('Never recorded');
}

describe.each(Object.keys(LAUNCHERS) as (keyof typeof LAUNCHERS)[])(
  'consent and control in %s',
  (browserName) => {
    let stack: Stack;
    let driver: Driver;
    let site: PageHandle;
    let broken: Server;
    let brokenLink: string;

    beforeAll(async () => {
      stack = await startStack();
      ({ link: brokenLink, server: broken } = await serveBrokenStudy());
      driver = await LAUNCHERS[browserName]();
      site = await driver.newPage();
      await site.goto(`${stack.siteUrl}/shop/`);
    });

    afterAll(async () => {
      await driver?.close();
      await stack?.close();
      broken?.close();
    });

    it('an unreachable link gets an error that says what to do', async () => {
      const page = driver.extensionPage;
      await page.fillByLabel('Study link', 'http://127.0.0.1:9/v1/studies/demo');
      await page.clickButton('Join study');
      await page.waitForText('Could not reach http://127.0.0.1:9. Check the link');
    });

    it('a malformed study gets an error naming the field at fault', async () => {
      const page = driver.extensionPage;
      await page.fillByLabel('Study link', brokenLink);
      await page.clickButton('Join study');
      await page.waitForText('That link does not point to a valid tasktrace study (allowlist');
    });

    it('declining records nothing and leaves nothing behind', async () => {
      const page = driver.extensionPage;
      await joinDemoStudy(page, stack);
      await page.clickButton('Decline');
      await page.waitForText('You declined. Nothing was recorded and nothing was kept.');
      await site.bringToFront();
      await site.click('[data-testid="add-to-cart-1042"]');
      await settle();
      expect(await leftBehind(page)).toEqual({ rows: 0, storageKeys: [], scripts: [] });
      const participants = await stack.inspectDatabase(async (db) => {
        const { rows } = await db.query<{ n: number }>(
          'select count(*)::int as n from participants',
        );
        return rows[0]?.n;
      });
      expect(participants).toBe(0);
    });

    it('joins after reading exactly what PRIVACY.md lists, and records', async () => {
      const page = driver.extensionPage;
      await joinDemoStudy(page, stack);
      for (const item of [...RECORDED, ...NEVER_RECORDED]) await page.waitForText(item, 2_000);
      await page.clickButton('I agree');
      await page.waitForText('You joined Demo shop study');
      await site.goto(`${stack.siteUrl}/shop/`);
      await site.click('[data-testid="add-to-cart-1042"]');
      const events = await waitForEvents(
        page,
        (all) => clicksOn(all, '[data-testid="add-to-cart-1042"]').length === 1,
      );
      const { sessions } = await readExtensionDb(page);
      expect(sessions.map((session) => session.consentVersion)).toEqual(['2026-11-23']);
      expect(events.every((event) => event.session === sessions[0]?.id)).toBe(true);
    });

    it('while paused, interactions give zero events; pause and resume are markers in the session', async () => {
      await driver.openExtensionPage('popup.html');
      const popup = driver.extensionPage;
      await popup.clickButton('Pause recording');
      await popup.waitForText('Resume recording');
      const before = await readExtensionDb(popup);

      await site.bringToFront();
      await site.click('[data-testid="add-to-cart-2317"]');
      await site.goto(`${stack.siteUrl}/shop/products/2317`);
      await settle();
      const whilePaused = await readExtensionDb(popup);
      expect(whilePaused.events.length).toBe(before.events.length);

      await popup.clickButton('Resume recording');
      await popup.waitForText('Pause recording');
      await site.goto(`${stack.siteUrl}/shop/`);
      await site.click('[data-testid="add-to-cart-3580"]');
      const after = await waitForEvents(
        popup,
        (all) => clicksOn(all, '[data-testid="add-to-cart-3580"]').length === 1,
      );
      expect(clicksOn(after, '[data-testid="add-to-cart-2317"]')).toEqual([]);
      const kinds = after.map((event) => event.kind);
      expect(kinds.indexOf('pause')).toBeGreaterThan(-1);
      expect(kinds.indexOf('resume')).toBeGreaterThan(kinds.indexOf('pause'));
      expect(new Set(after.map((event) => event.session)).size).toBe(1);
    });

    it('a changed consent stops capture until the volunteer agrees again', async () => {
      await stack.changeDemoStudy((study) => ({
        ...study,
        consent: { text: `${study.consent.text}\n\nChanged.`, version: CHANGED_CONSENT },
      }));
      await driver.openExtensionPage('popup.html');
      const popup = driver.extensionPage;
      await popup.waitForText('Stopped: the study changed');
      const before = await readExtensionDb(popup);

      await site.bringToFront();
      await site.click('[data-testid="add-to-cart-4121"]');
      await site.goto(`${stack.siteUrl}/shop/products/4121`);
      await settle();
      expect((await readExtensionDb(popup)).events.length).toBe(before.events.length);

      await driver.openExtensionPage('onboarding.html?reconsent');
      const page = driver.extensionPage;
      await page.waitForText('This study changed since you agreed');
      await page.waitForText('Changed.');
      await page.clickButton('I agree');
      await page.waitForText('You joined Demo shop study');

      await site.goto(`${stack.siteUrl}/shop/`);
      await site.click('[data-testid="add-to-cart-4121"]');
      await waitForEvents(
        page,
        (all) => clicksOn(all, '[data-testid="add-to-cart-4121"]').length === 1,
      );
      const { sessions } = await readExtensionDb(page);
      const byVersion = Object.fromEntries(
        sessions.map((session) => [session.consentVersion, session.endReason]),
      );
      expect(byVersion).toEqual({ '2026-11-23': 'consent-changed', [CHANGED_CONSENT]: null });

      // Both sessions upload: the collector knows the participant agreed to both versions.
      await driver.openExtensionPage('popup.html');
      await driver.extensionPage.clickButton('Upload now');
      await driver.extensionPage.waitForText('Everything is uploaded.', 60_000);
      const lines = (await exportEvents(stack)).map((line) => eventLine.parse(line));
      expect(new Set(lines.map((line) => line.consentVersion))).toEqual(
        new Set(['2026-11-23', CHANGED_CONSENT]),
      );
    });

    it('"Leave and erase my data" leaves zero rows at the collector and nothing here', async () => {
      const exported = (await exportEvents(stack)).map((line) => eventLine.parse(line));
      const participant = exported[0]?.participant;
      expect(participant).toBeDefined();

      await driver.openExtensionPage('options.html');
      const page = driver.extensionPage;
      await page.clickButton('Leave and erase my data');
      await page.clickButton('Erase and leave');
      await page.waitForText('Erasure receipt from the collector');
      const erasedEvents = await page.evaluate(
        () => document.querySelector('[data-testid="erased-events"]')?.textContent,
        undefined,
      );
      expect(Number(erasedEvents)).toBe(exported.length);

      expect(await exportEvents(stack)).toEqual([]);
      expect(await leftBehind(page)).toEqual({ rows: 0, storageKeys: [], scripts: [] });

      await site.bringToFront();
      await site.goto(`${stack.siteUrl}/shop/`);
      await site.click('[data-testid="add-to-cart-1042"]');
      await settle();
      expect((await leftBehind(page)).rows).toBe(0);

      const rows = await stack.inspectDatabase(async (db) => {
        const counts: Record<string, number> = {};
        for (const table of ['events', 'sessions', 'participant_consents']) {
          const { rows } = await db.query<{ n: number }>(
            `select count(*)::int as n from ${table} where participant_id = $1`,
            [participant],
          );
          counts[table] = rows[0]?.n ?? -1;
        }
        return counts;
      });
      expect(rows).toEqual({ events: 0, sessions: 0, participant_consents: 0 });
      // A new export made after the restart still holds none of them.
      expect(await exportEvents(stack)).toEqual([]);
    });

    it('a study that changes while being read is shown again, and joined only as then shown', async () => {
      await driver.openExtensionPage('onboarding.html');
      const page = driver.extensionPage;
      await joinDemoStudy(page, stack);
      await stack.changeDemoStudy((study) => ({
        ...study,
        captureLevel: 'labels',
        allowlist: [{ match: 'http://127.0.0.1/shop/*', excludePaths: ['/shop/orders/*'] }],
        consent: {
          text: `${study.consent.text}\n\nNow with labels.`,
          version: CHANGED_WHILE_READING,
        },
      }));
      await page.clickButton('I agree');
      await page.waitForText('This study changed while you were reading it');
      await page.waitForText('the consent text, the sites it records, what is recorded.');
      await page.waitForText('Now with labels.');
      await page.waitForText('except /shop/orders/*');
      await page.waitForText(`Consent version ${CHANGED_WHILE_READING}`);
      expect(await storedEnrollment(page)).toBeUndefined();

      await page.clickButton('I agree');
      await page.waitForText('You joined Demo shop study');
      const enrollment = await storedEnrollment(page);
      expect(enrollment?.consentVersion).toBe(CHANGED_WHILE_READING);
      expect(enrollment?.study.captureLevel).toBe('labels');
      expect(enrollment?.study.allowlist).toEqual([
        { match: 'http://127.0.0.1/shop/*', excludePaths: ['/shop/orders/*'] },
      ]);
    });
  },
);
