import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import type { Driver, PageHandle } from './driver';
import { CHROME_EXTENSION, CHROMIUM_PATH } from './paths';

export type ChromiumDriver = Driver & {
  context: BrowserContext;
  extensionId: string;
  /** Stops the extension's service worker as the browser does when it is idle. */
  stopServiceWorkers(): Promise<void>;
  /** Loads the unpacked extension again over CDP, as an update or a developer's reload does. */
  reloadExtension(): Promise<void>;
  /** Wraps a Playwright page (for pages the browser opened itself). */
  wrap(page: Page): PageHandle;
};

export type ChromiumOptions = {
  extensionDir?: string;
  /** A profile directory to keep between launches; a fresh one when absent. */
  userDataDir?: string;
};

export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumDriver> {
  const extensionDir = options.extensionDir ?? CHROME_EXTENSION;
  const debuggingPort = await freePort();
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
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
      // Lets the test reload the extension through CDP's Extensions domain.
      '--enable-unsafe-extension-debugging',
      `--remote-debugging-port=${debuggingPort}`,
    ],
  });
  let browserSession: CDPSession | undefined;
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const origin = `chrome-extension://${extensionId}`;

  // A new profile gets the onboarding page; a returning one gets the popup in a tab.
  const extensionTab = await findExtensionTab(
    context,
    origin,
    options.userDataDir ? 2_000 : 15_000,
  );
  await extensionTab.waitForLoadState();

  return {
    name: 'chromium',
    context,
    extensionId,
    extensionPage: wrap(extensionTab),
    wrap,
    async openExtensionPage(path) {
      await extensionTab.goto(`${origin}/${path}`);
    },
    async newPage() {
      return wrap(await context.newPage());
    },
    async stopServiceWorkers() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    async reloadExtension() {
      if (!browserSession) {
        const browser = await chromium.connectOverCDP(`http://127.0.0.1:${debuggingPort}`);
        browserSession = await browser.newBrowserCDPSession();
      }
      await browserSession.send(
        'Extensions.loadUnpacked' as never,
        { path: extensionDir } as never,
      );
    },
    async close() {
      await context.close();
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function findExtensionTab(
  context: BrowserContext,
  origin: string,
  timeoutMs: number,
): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const page = context.pages().find((candidate) => candidate.url().startsWith(origin));
    if (page) return page;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (timeoutMs < 15_000) {
    const page = await context.newPage();
    await page.goto(`${origin}/popup.html`);
    return page;
  }
  throw new Error('The extension did not open its onboarding page after installation');
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
    async back() {
      await page.goBack();
    },
    async forward() {
      await page.goForward();
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
