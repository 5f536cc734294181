import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Driver, PageHandle } from './driver';
import { FIREFOX_EXTENSION, FIREFOX_PATH } from './paths';

export type FirefoxOptions = {
  extensionDir?: string;
  /** Extra preferences, such as a small storage limit for the quota fault. */
  prefs?: Record<string, unknown>;
  /**
   * How long the MV3 background (an event page in Firefox) may sit idle before Firefox
   * suspends it (`extensions.background.idle.timeout`, default 30 s): a small value lets
   * a test stop the background by waiting.
   */
  backgroundIdleTimeoutMs?: number;
};

export type FirefoxDriver = Driver & {
  /** The browser itself, for a test that drives it another way (a replay, say). */
  browser: Browser;
};

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxDriver> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION;
  const prefs = {
    ...options.prefs,
    ...(options.backgroundIdleTimeoutMs === undefined
      ? {}
      : { 'extensions.background.idle.timeout': options.backgroundIdleTimeoutMs }),
  };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    ...(Object.keys(prefs).length > 0 ? { extraPrefsFirefox: prefs } : {}),
  });
  try {
    await browser.installExtension(extensionDir);
    const onboarding = await findExtensionTab(browser);
    return {
      name: 'firefox',
      browser,
      extensionPage: wrap(onboarding),
      async openExtensionPage(path) {
        // BiDi refuses to navigate to moz-extension: URLs, but the page itself may.
        await onboarding.evaluate((target: string) => {
          location.href = target;
        }, path);
        await waitFor(async () =>
          onboarding.evaluate(
            (target: string) =>
              `${location.pathname}${location.search}`.endsWith(target) &&
              document.readyState === 'complete',
            path,
          ),
        );
      },
      async newPage() {
        return wrap(await browser.newPage());
      },
      async close() {
        await browser.close();
      },
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** The tab the extension opened itself; puppeteer lists it with a stale URL. */
async function findExtensionTab(browser: Browser): Promise<Page> {
  let found: Page | undefined;
  await waitFor(async () => {
    for (const page of await browser.pages()) {
      const protocol = await page.evaluate(() => location.protocol).catch(() => '');
      if (protocol === 'moz-extension:') {
        found = page;
        return true;
      }
    }
    return false;
  }, 20_000);
  if (!found) throw new Error('The extension did not open its onboarding page after installation');
  await waitFor(() => found!.evaluate(() => document.readyState === 'complete'));
  return found;
}

/**
 * Polls a page function from here until it returns an element. Puppeteer's
 * `waitForFunction` builds its predicate with `Function()` inside the page, which the
 * extension pages' CSP blocks in some Firefox ESR releases; `evaluateHandle` does not.
 */
async function waitForElement<T extends Element>(
  page: Page,
  find: (arg: string) => T | null | undefined,
  arg: string,
  timeoutMs = 15_000,
): Promise<import('puppeteer-core').ElementHandle<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const handle = await page.evaluateHandle(find, arg).catch(() => null);
    const element = handle?.asElement();
    if (element) return element as import('puppeteer-core').ElementHandle<T>;
    await handle?.dispose().catch(() => undefined);
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${arg}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function wrap(page: Page): PageHandle {
  return {
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    async clickButton(name) {
      // Firefox stops rendering background tabs; puppeteer's click waits for a frame.
      await page.bringToFront();
      const handle = await waitForElement(
        page,
        (wanted: string) =>
          [...document.querySelectorAll('button')].find(
            (button) =>
              (button.getAttribute('aria-label') ?? button.textContent)?.trim() === wanted &&
              !button.disabled,
          ),
        name,
      );
      await handle.click();
    },
    async click(selector) {
      await page.bringToFront();
      const handle = await page.waitForSelector(selector, { timeout: 15_000 });
      if (!handle) throw new Error(`No element matches ${selector}`);
      await handle.click();
    },
    async clickWith(selector, options) {
      await page.bringToFront();
      const handle = await page.waitForSelector(selector, { timeout: 15_000 });
      if (!handle) throw new Error(`No element matches ${selector}`);
      await handle.click({ count: options.clicks ?? 1, button: options.button ?? 'left' });
    },
    async clickAt(x, y) {
      await page.mouse.click(x, y);
    },
    async typeText(text) {
      await page.keyboard.type(text);
    },
    async press(chord) {
      const keys = chord.split('+') as import('puppeteer-core').KeyInput[];
      const last = keys.pop() as import('puppeteer-core').KeyInput;
      for (const key of keys) await page.keyboard.down(key);
      await page.keyboard.press(last);
      for (const key of keys.reverse()) await page.keyboard.up(key);
    },
    async setFiles(selector, path) {
      const handle = (await page.waitForSelector(
        selector,
      )) as import('puppeteer-core').ElementHandle<HTMLInputElement>;
      await handle.uploadFile(path);
    },
    async wheel(x, y, deltaY) {
      await page.mouse.move(x, y);
      await page.mouse.wheel({ deltaY });
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
      await page.bringToFront();
      const input = await waitForElement(
        page,
        (wanted: string) => {
          const element = [...document.querySelectorAll('label')].find(
            (candidate) => candidate.textContent?.trim() === wanted,
          );
          return (element?.control as HTMLInputElement | null | undefined) ?? undefined;
        },
        label,
      );
      await input.click({ count: 3 });
      await input.type(value);
    },
    async waitForText(text, timeoutMs = 15_000) {
      await waitFor(
        () =>
          page.evaluate(
            (wanted: string) => document.body?.textContent?.includes(wanted) ?? false,
            text,
          ),
        timeoutMs,
      );
    },
    evaluate(fn, arg) {
      return page.evaluate(fn as never, arg) as never;
    },
    async close() {
      await page.close();
    },
  };
}
