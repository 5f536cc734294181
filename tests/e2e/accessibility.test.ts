import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumDriver, launchChromium } from './support/launch-chromium';
import { type Stack, startStack } from './support/start-stack';

/** Serious and critical findings only: those block people; the rest is reported, not failed. */
async function blockingViolations(page: Page): Promise<string[]> {
  const findings: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    for (const violation of violations) {
      if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
      const where = violation.nodes.map((node) => node.target.join(' ')).join(', ');
      findings.push(`${colorScheme}: ${violation.id} (${violation.impact}) at ${where}`);
    }
  }
  await page.emulateMedia({ colorScheme: null });
  return findings;
}

describe('the extension pages pass axe, light and dark, in chromium', () => {
  let stack: Stack;
  let driver: ChromiumDriver;
  let tab: Page;

  beforeAll(async () => {
    stack = await startStack();
    driver = await launchChromium();
    const found = driver.context.pages().find((page) => page.url().startsWith('chrome-extension:'));
    if (!found) throw new Error('no extension tab');
    tab = found;
  });

  afterAll(async () => {
    await driver?.close();
    await stack?.close();
  });

  it('onboarding: the link step and the consent screen', async () => {
    await driver.extensionPage.waitForText('Join a study');
    expect(await blockingViolations(tab)).toEqual([]);
    await driver.extensionPage.fillByLabel('Study link', stack.studyLink);
    await driver.extensionPage.clickButton('Join study');
    await driver.extensionPage.waitForText('Never recorded');
    expect(await blockingViolations(tab)).toEqual([]);
    await driver.extensionPage.clickButton('I agree');
    await driver.extensionPage.waitForText('You joined Demo shop study');
    expect(await blockingViolations(tab)).toEqual([]);
  });

  it('popup, with the task form open', async () => {
    await driver.openExtensionPage('popup.html');
    await driver.extensionPage.waitForText('Pause recording');
    expect(await blockingViolations(tab)).toEqual([]);
    await driver.extensionPage.clickButton('Start task');
    await driver.extensionPage.waitForText('Goal');
    expect(await blockingViolations(tab)).toEqual([]);
  });

  it('review', async () => {
    await driver.openExtensionPage('review.html');
    await tab.waitForLoadState('networkidle');
    expect(await blockingViolations(tab)).toEqual([]);
  });

  it('options, in a study and without one', async () => {
    await driver.openExtensionPage('options.html');
    await driver.extensionPage.waitForText('Your study: Demo shop study');
    expect(await blockingViolations(tab)).toEqual([]);
    await driver.extensionPage.clickButton('Leave study');
    await driver.extensionPage.clickButton('Leave');
    await driver.extensionPage.waitForText('Recording has stopped');
    expect(await blockingViolations(tab)).toEqual([]);
    await driver.openExtensionPage('options.html');
    await driver.extensionPage.waitForText('You are not recording');
    expect(await blockingViolations(tab)).toEqual([]);
  });
});
