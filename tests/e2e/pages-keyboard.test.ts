import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageHandle } from './support/driver';
import { type ChromiumDriver, launchChromium } from './support/launch-chromium';
import { ROOT } from './support/paths';
import { type Stack, startStack } from './support/start-stack';

/** Screenshots land here for a person to look at; they are build output, not fixtures. */
const SHOTS = join(ROOT, '.output', 'screenshots');

/** Presses Tab until the focused control is named `name`, as a keyboard user would. */
async function tabTo(page: PageHandle, name: string): Promise<void> {
  for (let step = 0; step < 40; step += 1) {
    await page.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement | null;
      const label = element?.labels?.[0]?.textContent;
      return (element?.getAttribute('aria-label') ?? label ?? element?.textContent ?? '').trim();
    }, undefined);
    if (focused === name) return;
  }
  throw new Error(`"${name}" cannot be reached with Tab`);
}

describe('the extension pages by keyboard alone, in chromium', () => {
  let stack: Stack;
  let driver: ChromiumDriver;

  /** Light and dark, so both colour schemes get looked at. */
  const shoot = async (name: string) => {
    const tab = driver.context.pages().find((page) => page.url().startsWith('chrome-extension:'));
    if (!tab) return;
    for (const colorScheme of ['light', 'dark'] as const) {
      await tab.emulateMedia({ colorScheme });
      await tab.screenshot({ path: join(SHOTS, `${name}-${colorScheme}.png`), fullPage: true });
    }
    await tab.emulateMedia({ colorScheme: null });
  };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    stack = await startStack();
    driver = await launchChromium();
  });

  afterAll(async () => {
    await driver?.close();
    await stack?.close();
  });

  it('joins a study: link, consent and agreement, without a mouse', async () => {
    const page = driver.extensionPage;
    await page.waitForText('Join a study');
    await shoot('onboarding');
    await tabTo(page, 'Study link');
    await page.typeText(stack.studyLink);
    await page.press('Enter');
    await page.waitForText('Never recorded');
    await shoot('consent');
    await tabTo(page, 'I agree');
    await page.press('Enter');
    await page.waitForText('You joined Demo shop study');
    await shoot('joined');
  });

  it('pauses from the popup without a mouse', async () => {
    await driver.openExtensionPage('popup.html');
    const page = driver.extensionPage;
    await page.waitForText('Recording');
    await shoot('popup');
    await tabTo(page, 'Pause recording');
    await page.press('Enter');
    await page.waitForText('Resume recording');
    await shoot('popup-paused');
    await tabTo(page, 'Resume recording');
    await page.press('Space');
    await page.waitForText('Pause recording');
  });

  it('leaves the study from the options page without a mouse', async () => {
    await driver.openExtensionPage('options.html');
    const page = driver.extensionPage;
    await page.waitForText('Your study: Demo shop study');
    await shoot('options');
    await tabTo(page, 'Leave study');
    await page.press('Enter');
    await page.waitForText('Your uploads stay with the researcher');
    await shoot('options-confirm');
    await tabTo(page, 'Leave');
    await page.press('Enter');
    await page.waitForText('Recording has stopped');
    await shoot('left');
    const text = await page.evaluate(() => document.body.textContent ?? '', undefined);
    expect(text).toContain('Site access was given back');
  });

  it('the options page without a study offers both ways to start', async () => {
    await driver.openExtensionPage('options.html');
    const page = driver.extensionPage;
    await page.waitForText('You are not recording');
    await shoot('options-empty');
    await tabTo(page, 'Record for myself');
    await page.press('Enter');
    await page.waitForText('Recording for yourself');
    await shoot('options-local');
  });
});
