import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventLine, type TraceEvent } from '../../lib/schema';
import type { PageHandle } from './support/driver';
import type { FaultPlan } from './support/fault-proxy';
import { type ChromiumDriver, launchChromium } from './support/launch-chromium';
import { readExtensionDb, waitForEvents, waitForQuiet } from './support/read-extension-db';
import { exportEvents, type Stack, startStack } from './support/start-stack';

const BUTTON = '[data-testid="add-to-cart-1042"]';
/** The e2e build gives up on an answer after 5 s (production: 30 s). */
const CLIENT_TIMEOUT_MS = 5_000;
const forward: FaultPlan = () => ({ kind: 'forward' });

describe('upload faults in chromium, through a fault-injecting proxy', () => {
  let stack: Stack;
  let profile: string;
  let driver: ChromiumDriver;
  let site: PageHandle;

  const proxy = () => {
    if (!stack.proxy) throw new Error('the stack has no proxy');
    return stack.proxy;
  };

  /**
   * Counts the interactions' own events (observations come besides them), then waits for
   * quiet: an event still on its way after "Upload now" would wait for the next upload.
   */
  async function interact(kind: TraceEvent['kind'], count: number, act: () => Promise<void>) {
    const ofKind = (all: TraceEvent[]) => all.filter((event) => event.kind === kind).length;
    const before = ofKind((await readExtensionDb(driver.extensionPage)).events);
    await site.bringToFront();
    for (let i = 0; i < count; i++) await act();
    await waitForEvents(driver.extensionPage, (all) => ofKind(all) >= before + count, 60_000);
    await waitForQuiet(driver.extensionPage);
  }

  const clickTimes = (count: number) => interact('click', count, () => site.click(BUTTON));
  /** Tab presses are recorded as key events, far faster to script than clicks. */
  const tabTimes = (count: number) => interact('key', count, () => site.press('Tab'));

  async function uploadAndSettle(): Promise<void> {
    await driver.openExtensionPage('popup.html');
    await driver.extensionPage.clickButton('Upload now');
    try {
      await driver.extensionPage.waitForText('Everything is uploaded.', 90_000);
    } catch (error) {
      // Say where it stuck: the popup's words, the queue, and what never left.
      const text = await driver.extensionPage.evaluate(() => document.body.innerText, undefined);
      const { events, uploaded } = await readExtensionDb(driver.extensionPage);
      const sent = new Set(uploaded.map((event) => `${event.session}:${event.seq}`));
      const left = events.filter((event) => !sent.has(`${event.session}:${event.seq}`));
      throw new Error(
        `${(error as Error).message}\npopup: ${text}\nrequests: ${JSON.stringify(proxy().uploads.map((u) => u.kind))}\n` +
          `not uploaded: ${JSON.stringify(left.map((event) => [event.kind, event.seq, event.t]))}`,
      );
    }
  }

  /** Every event stored here is in the collector's export exactly once, and nothing else is. */
  async function expectExactlyOnce(label: string): Promise<void> {
    const { events, uploaded } = await readExtensionDb(driver.extensionPage);
    const lines = (await exportEvents(stack)).map((line) => eventLine.parse(line));
    const keys = lines.map((line) => `${line.session}:${line.event.seq}`);
    const duplicates = keys.length - new Set(keys).size;
    console.log(
      `UPLOAD FAULT | ${label} | ${events.length} events here | ${lines.length} at the collector | ${duplicates} duplicates | ${proxy().uploads.length} requests`,
    );
    expect(duplicates).toBe(0);
    expect(uploaded.length).toBe(events.length);
    expect(new Set(keys)).toEqual(new Set(events.map((event) => `${event.session}:${event.seq}`)));
  }

  beforeAll(async () => {
    stack = await startStack({ faultProxy: true });
    profile = await mkdtemp(join(tmpdir(), 'tasktrace-upload-profile-'));
    driver = await launchChromium({ userDataDir: profile });
    const page = driver.extensionPage;
    await page.fillByLabel('Study link', stack.studyLink);
    await page.clickButton('Join study');
    await page.clickButton('I agree');
    await page.waitForText('You joined Demo shop study');
    site = await driver.newPage();
    await site.goto(`${stack.siteUrl}/shop/`);
  });

  afterAll(async () => {
    await driver?.close();
    await stack?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('the collector is down for a while, then up', async () => {
    await clickTimes(20);
    const upAt = Date.now() + 4_000;
    proxy().reset(() => (Date.now() < upAt ? { kind: 'drop' } : { kind: 'forward' }));
    await uploadAndSettle();
    expect(proxy().uploads.filter((entry) => entry.kind === 'drop').length).toBeGreaterThan(1);
    await expectExactlyOnce('collector down 4 s');
  });

  it('the answer comes after the client gave up, though the collector had stored the batch', async () => {
    await clickTimes(20);
    proxy().reset(({ n }) =>
      n === 0 ? { kind: 'forward-then-delay', ms: CLIENT_TIMEOUT_MS + 2_000 } : { kind: 'forward' },
    );
    await uploadAndSettle();
    expect(proxy().uploads.map((entry) => entry.kind)).toEqual(['forward-then-delay', 'forward']);
    await expectExactlyOnce('answer after the client timeout');
  });

  it('413 on the first try: the batch is split', async () => {
    await clickTimes(20);
    proxy().reset(({ n }) =>
      n === 0
        ? {
            kind: 'respond',
            status: 413,
            body: { error: 'payload_too_large', message: 'Too large.' },
          }
        : { kind: 'forward' },
    );
    await uploadAndSettle();
    expect(proxy().uploads.length).toBeGreaterThanOrEqual(3);
    await expectExactlyOnce('413 on the first try');
  });

  it.each([
    ['with Retry-After: 2', { 'retry-after': '2' }],
    ['without Retry-After (the default wait)', {}],
  ])('429 %s is honoured', async (label, headers) => {
    await clickTimes(10);
    proxy().reset(({ n }) =>
      n === 0
        ? {
            kind: 'respond',
            status: 429,
            headers,
            body: { error: 'rate_limited', message: 'Slow down.' },
          }
        : { kind: 'forward' },
    );
    await uploadAndSettle();
    const [first, second] = proxy().uploads;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1_900);
    await expectExactlyOnce(`429 ${label}`);
  });

  it('500 on every other request', async () => {
    // More than one batch (≤ 500 events each), so failures and successes interleave.
    await tabTimes(520);
    proxy().reset(({ n }) =>
      n % 2 === 0
        ? {
            kind: 'respond',
            status: 500,
            body: { error: 'internal', message: 'Injected failure.' },
          }
        : { kind: 'forward' },
    );
    await uploadAndSettle();
    expect(
      proxy().uploads.filter((entry) => entry.kind === 'forward').length,
    ).toBeGreaterThanOrEqual(2);
    await expectExactlyOnce('500 on every other request');
  }, 180_000);

  it('the service worker is stopped mid-upload', async () => {
    await clickTimes(20);
    let stopped: Promise<void> | undefined;
    proxy().reset(({ n }) =>
      n === 0
        ? {
            kind: 'delay-then-forward',
            ms: 1_500,
            onArrive: () => {
              stopped = driver.stopServiceWorkers();
            },
          }
        : { kind: 'forward' },
    );
    await uploadAndSettle();
    await stopped;
    expect(proxy().uploads.length).toBeGreaterThanOrEqual(2);
    await expectExactlyOnce('worker stopped mid-upload');
  }, 120_000);

  it('the browser restarts with a non-empty queue', async () => {
    await clickTimes(20);
    proxy().reset(() => ({ kind: 'drop' }));
    await driver.openExtensionPage('popup.html');
    await driver.extensionPage.clickButton('Upload now');
    await driver.extensionPage.waitForText('Retrying at');
    await driver.close();

    proxy().reset(forward);
    driver = await launchChromium({ userDataDir: profile });
    await driver.openExtensionPage('popup.html');
    await driver.extensionPage.waitForText('Everything is uploaded.', 90_000);
    await expectExactlyOnce('browser restarted with a queue');
  }, 120_000);
});
