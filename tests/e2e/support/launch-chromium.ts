import { chromium, type Page } from 'playwright-core';
import type { Driver, PageHandle } from './driver';
import { CHROME_EXTENSION, CHROMIUM_PATH } from './paths';

export async function launchChromium(extensionDir = CHROME_EXTENSION): Promise<Driver> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const origin = `chrome-extension://${extensionId}`;

  const onboarding = await findOnboarding();
  async function findOnboarding(): Promise<Page> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const page = context.pages().find((candidate) => candidate.url().startsWith(origin));
      if (page) return page;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('The extension did not open its onboarding page after installation');
  }
  await onboarding.waitForLoadState();

  return {
    name: 'chromium',
    extensionPage: wrap(onboarding),
    async openExtensionPage(path) {
      await onboarding.goto(`${origin}/${path}`);
    },
    async newPage() {
      return wrap(await context.newPage());
    },
    async close() {
      await context.close();
    },
  };
}

function wrap(page: Page): PageHandle {
  return {
    async goto(url) {
      await page.goto(url);
    },
    async clickButton(name) {
      await page.bringToFront();
      await page.getByRole('button', { name, exact: true }).click();
    },
    async click(selector) {
      await page.bringToFront();
      await page.locator(selector).first().click();
    },
    async clickWith(selector, options) {
      await page.bringToFront();
      await page
        .locator(selector)
        .first()
        .click({ clickCount: options.clicks ?? 1, button: options.button ?? 'left' });
    },
    async clickAt(x, y) {
      await page.mouse.click(x, y);
    },
    async typeText(text) {
      await page.keyboard.type(text);
    },
    async press(chord) {
      const keys = chord.split('+');
      const last = keys.pop() as string;
      for (const key of keys) await page.keyboard.down(key);
      await page.keyboard.press(last);
      for (const key of keys.reverse()) await page.keyboard.up(key);
    },
    async setFiles(selector, path) {
      await page.locator(selector).first().setInputFiles(path);
    },
    async wheel(x, y, deltaY) {
      await page.mouse.move(x, y);
      await page.mouse.wheel(0, deltaY);
    },
    async bringToFront() {
      await page.bringToFront();
    },
    async fillByLabel(label, value) {
      await page.getByLabel(label, { exact: true }).fill(value);
    },
    async waitForText(text, timeoutMs = 15_000) {
      await page.getByText(text, { exact: false }).first().waitFor({ timeout: timeoutMs });
    },
    evaluate(fn, arg) {
      return page.evaluate(fn as never, arg) as never;
    },
    async close() {
      await page.close();
    },
  };
}
