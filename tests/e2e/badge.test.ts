import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageHandle } from './support/driver';
import { type ChromiumDriver, launchChromium } from './support/launch-chromium';
import { type Stack, startStack } from './support/start-stack';

/** The paused badge text (lib/background/badge-for.ts). */
const PAUSED = 'II';

/** The badge text of every open tab whose URL starts with `prefix`, read by the extension. */
function badgesOf(page: PageHandle, prefix: string): Promise<string[]> {
  return page.evaluate(async (urlPrefix) => {
    type Tab = { id?: number; url?: string };
    type ChromeApi = {
      tabs: { query(info: object): Promise<Tab[]> };
      action: { getBadgeText(details: { tabId: number }): Promise<string> };
    };
    const { chrome } = globalThis as unknown as { chrome: ChromeApi };
    const tabs = await chrome.tabs.query({});
    return Promise.all(
      tabs
        .filter((tab) => tab.url?.startsWith(urlPrefix))
        .map((tab) => chrome.action.getBadgeText({ tabId: tab.id! })),
    );
  }, prefix);
}

/** Badges are set asynchronously after each change: poll until they read `expected`. */
async function waitForBadge(page: PageHandle, prefix: string, expected: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = await badgesOf(page, prefix);
    if (seen.length > 0 && seen.every((text) => text === expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(seen, `badge of ${prefix}`).toEqual([expected]);
}

describe('the toolbar badge in chromium', () => {
  let stack: Stack;
  let driver: ChromiumDriver;
  let site: PageHandle;
  let other: PageHandle;

  beforeAll(async () => {
    stack = await startStack();
    driver = await launchChromium();
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

  it('says REC on the study’s site and nothing on another origin', async () => {
    site = await driver.newPage();
    await site.goto(`${stack.siteUrl}/shop/`);
    other = await driver.newPage();
    await other.goto(`${stack.otherOriginUrl}/shop/`);
    await waitForBadge(driver.extensionPage, `${stack.siteUrl}/shop/`, 'REC');
    await waitForBadge(driver.extensionPage, `${stack.otherOriginUrl}/shop/`, '');
  });

  it('shows the pause on every tab, and REC again after resuming', async () => {
    await driver.openExtensionPage('popup.html');
    const popup = driver.extensionPage;
    await popup.clickButton('Pause recording');
    await popup.waitForText('Resume recording');
    await waitForBadge(popup, `${stack.siteUrl}/shop/`, PAUSED);
    await waitForBadge(popup, `${stack.otherOriginUrl}/shop/`, PAUSED);

    await popup.clickButton('Resume recording');
    await popup.waitForText('Pause recording');
    await waitForBadge(popup, `${stack.siteUrl}/shop/`, 'REC');
    await waitForBadge(popup, `${stack.otherOriginUrl}/shop/`, '');
  });

  it('keeps the badge when the recorded tab navigates within the site', async () => {
    await site.goto(`${stack.siteUrl}/shop/?page=2`);
    await waitForBadge(driver.extensionPage, `${stack.siteUrl}/shop/`, 'REC');
  });
});
