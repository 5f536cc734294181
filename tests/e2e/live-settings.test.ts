import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RECORDER_SETTINGS_KEY,
  type RecorderSettings,
} from '../../lib/messaging/recorder-settings';
import type { CaptureLevel, StudyFile, TraceEvent } from '../../lib/schema';
import type { Driver, PageHandle } from './support/driver';
import { launchChromium } from './support/launch-chromium';
import { launchFirefox } from './support/launch-firefox';
import { readExtensionDb, waitForEvents } from './support/read-extension-db';
import { dumpExtensionStorage } from './support/read-extension-storage';
import { type LiveStack, startLiveStack } from './support/start-live-stack';

/**
 * Issue 14: a recorder's settings are live. One tab stays open on an allowlisted page
 * while the study changes, one setting at a time (capture level, test-id attributes,
 * query keys, route templates); after each re-consent, a click within a second and
 * every event stored after it follow the new settings, and none the old ones.
 */
const LAUNCHERS = { chromium: () => launchChromium(), firefox: () => launchFirefox() } as const;
const BUTTON = '[data-testid="buy-button"]';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the events made under one version of the study must look like. */
type Expected = {
  captureLevel: CaptureLevel;
  testIdAttributes: string[];
  queryKeys: string[];
  routeTemplates: string[];
  selector: string;
  path: string;
};

const FIRST: Expected = {
  captureLevel: 'labels',
  testIdAttributes: ['data-testid'],
  queryKeys: ['sort'],
  routeTemplates: ['/canary/live/:item'],
  selector: '[data-testid="buy-button"]',
  path: '/canary/live/:item',
};

/** Each change, what the volunteer is told changed, and what events look like after it. */
const CHANGES: {
  what: string;
  told: string;
  change: (study: StudyFile) => StudyFile;
  expected: Expected;
}[] = [
  {
    what: 'capture level labels → structure',
    told: 'what is recorded',
    change: (study) => ({ ...study, captureLevel: 'structure' }),
    expected: { ...FIRST, captureLevel: 'structure' },
  },
  {
    what: 'test-id attributes data-testid → data-qa',
    told: 'what is recorded about pages',
    change: (study) => ({ ...study, testIdAttributes: ['data-qa'] }),
    expected: {
      ...FIRST,
      captureLevel: 'structure',
      testIdAttributes: ['data-qa'],
      selector: '[data-qa="buy-action"]',
    },
  },
  {
    what: 'query keys sort → page',
    told: 'what is recorded about pages',
    change: (study) => ({ ...study, queryKeys: ['page'] }),
    expected: {
      ...FIRST,
      captureLevel: 'structure',
      testIdAttributes: ['data-qa'],
      selector: '[data-qa="buy-action"]',
      queryKeys: ['page'],
    },
  },
  {
    what: 'route templates /canary/live/:item → /canary/live/:product',
    told: 'what is recorded about pages',
    change: (study) => ({ ...study, routeTemplates: ['/canary/live/:product'] }),
    expected: {
      ...FIRST,
      captureLevel: 'structure',
      testIdAttributes: ['data-qa'],
      selector: '[data-qa="buy-action"]',
      queryKeys: ['page'],
      routeTemplates: ['/canary/live/:product'],
      path: '/canary/live/:product',
    },
  },
];

const keyOf = (event: TraceEvent) => `${event.session}:${event.seq}`;
const isClick = (event: TraceEvent) => event.kind === 'click';

/** Every way an event could show the settings it was made under. */
function expectFollows(event: TraceEvent, expected: Expected, context: string) {
  const where = `${context}: ${JSON.stringify(event)}`;
  if ('page' in event && event.page) {
    expect(event.page.path, where).toBe(expected.path);
    expect(event.page.queryKeys ?? [], where).toEqual(expected.queryKeys);
  }
  if ('target' in event && typeof event.target === 'object' && event.target) {
    expect(event.target.selector, where).toBe(expected.selector);
    expect(event.target.selector, where).not.toMatch(
      expected.testIdAttributes.includes('data-testid') ? /data-qa/ : /data-testid/,
    );
    if (expected.captureLevel === 'structure') {
      expect(event.target.name, where).toBeUndefined();
      expect(event.target.label, where).toBeUndefined();
    } else if (isClick(event)) {
      expect(event.target.name, where).toBe('Buy now');
    }
  }
}

async function publishedSettings(page: PageHandle): Promise<RecorderSettings> {
  const { storage } = await dumpExtensionStorage(page);
  return storage[RECORDER_SETTINGS_KEY] as RecorderSettings;
}

describe.each(Object.keys(LAUNCHERS) as (keyof typeof LAUNCHERS)[])(
  'live recorder settings in %s',
  (browserName) => {
    let stack: LiveStack;
    let driver: Driver;
    let site: PageHandle;
    let loadId: string;
    let settings: RecorderSettings;

    const readLoadId = () =>
      site.evaluate(() => (window as unknown as { __loadId: string }).__loadId, undefined);

    beforeAll(async () => {
      stack = await startLiveStack();
      driver = await LAUNCHERS[browserName]();
      const onboarding = driver.extensionPage;
      await onboarding.fillByLabel('Study link', stack.studyLink);
      await onboarding.clickButton('Join study');
      await onboarding.clickButton('I agree');
      await onboarding.waitForText('You joined');
      site = await driver.newPage();
      // The one tab of this suite: opened once, never reloaded.
      await site.goto(`${stack.siteOrigin}/canary/live/gizmo?sort=x&page=2`);
      loadId = await readLoadId();
    });

    afterAll(async () => {
      await driver?.close();
      await stack?.close();
    });

    it('records under the settings first agreed to', async () => {
      settings = await publishedSettings(driver.extensionPage);
      expect(settings).toMatchObject({
        record: true,
        captureLevel: FIRST.captureLevel,
        testIdAttributes: FIRST.testIdAttributes,
        queryKeys: FIRST.queryKeys,
        routeTemplates: FIRST.routeTemplates,
      });
      await site.click(BUTTON);
      const events = await waitForEvents(driver.extensionPage, (all) => all.some(isClick));
      const click = events.find(isClick);
      expect(click).toMatchObject({
        target: { selector: FIRST.selector, name: 'Buy now' },
        page: { path: FIRST.path, queryKeys: ['sort'] },
      });
      for (const event of events) expectFollows(event, FIRST, 'first settings');
    });

    for (const { what, told, change, expected } of CHANGES) {
      it(`after re-consent to ${what}, the open tab records under the new settings at once`, async () => {
        const extension = driver.extensionPage;
        const before = await readExtensionDb(extension);
        const seen = new Set(before.events.map(keyOf));
        const oldSessions = new Set(before.sessions.map((session) => session.id));

        await stack.changeStudy(change);
        await driver.openExtensionPage('popup.html');
        await driver.extensionPage.waitForText('Stopped: the study changed');
        // Until the volunteer agrees again, there are no settings: every frame records nothing.
        expect((await dumpExtensionStorage(driver.extensionPage)).storage).not.toHaveProperty(
          RECORDER_SETTINGS_KEY,
        );

        await driver.openExtensionPage('onboarding.html?reconsent');
        const page = driver.extensionPage;
        await page.waitForText('This study changed since you agreed');
        await page.waitForText(told);
        await page.clickButton('I agree');
        await page.waitForText('You joined Live settings study');
        const agreedAt = Date.now();
        // At once, then again once the second has passed.
        await site.click(BUTTON);
        const firstClickAfterMs = Date.now() - agreedAt;
        await pause(Math.max(0, 1_100 - (Date.now() - agreedAt)));
        await site.click(BUTTON);

        const fresh = (all: TraceEvent[]) => all.filter((event) => !seen.has(keyOf(event)));
        const events = fresh(
          await waitForEvents(page, (all) =>
            fresh(all).some((event) => isClick(event) && event.t >= agreedAt + 1_000),
          ),
        );
        const clicks = events.filter(isClick);
        // The click made at once may be dropped (the frame "stops recording until it
        // has them"), never recorded under the old settings.
        expect(clicks.length, `first click ${firstClickAfterMs} ms after agreeing`).toBeGreaterThan(
          0,
        );
        expect(clicks.length).toBeLessThanOrEqual(2);
        for (const event of events) expectFollows(event, expected, what);
        for (const event of events) expect(oldSessions.has(event.session), what).toBe(false);
        if (clicks.length < 2) {
          console.warn(
            `${browserName}, ${what}: the click ${firstClickAfterMs} ms after agreeing was not recorded`,
          );
        }

        const now = await publishedSettings(page);
        expect(now.v).not.toBe(settings.v);
        expect(now).toMatchObject({
          record: true,
          captureLevel: expected.captureLevel,
          testIdAttributes: expected.testIdAttributes,
          queryKeys: expected.queryKeys,
          routeTemplates: expected.routeTemplates,
        });
        settings = now;
        expect(await readLoadId()).toBe(loadId);
      });
    }

    it('kept the one tab open throughout: never reloaded', async () => {
      expect(await readLoadId()).toBe(loadId);
      expect(stack.pageLoads()).toBe(1);
      const { events, sessions } = await readExtensionDb(driver.extensionPage);
      expect(events.filter((event) => event.kind === 'navigation').length).toBeLessThanOrEqual(1);
      expect(sessions.filter((session) => session.endReason === 'consent-changed')).toHaveLength(
        CHANGES.length,
      );
    });
  },
);
