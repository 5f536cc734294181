import { chromium, type ElementHandle, type Frame, type Page } from 'playwright-core';
import { browserPath } from './browser-paths';
import type { FoundBy } from './find-target';
import { frameElementAt, LOCATION_EXPRESSION } from './frame-element';
import { pageCall } from './page-call';
import type { ElementRef, ReplayBrowser, ReplayTab, TabLocation } from './replay-browser';

const ACTION_TIMEOUT_MS = 10_000;

/** Debian's Chromium, driven by playwright-core. */
export async function launchChromium(): Promise<ReplayBrowser> {
  const browser = await chromium.launch({
    executablePath: browserPath('chromium'),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    name: 'chromium',
    async newSession(viewport) {
      const context = await browser.newContext({
        viewport: { width: viewport.w, height: viewport.h },
      });
      const known = new Set<Page>();
      const opened: Page[] = [];
      context.on('page', (page) => opened.push(page));
      const first = await context.newPage();
      known.add(first);
      return {
        first: wrap(first),
        async openTab() {
          const page = await context.newPage();
          known.add(page);
          return wrap(page);
        },
        takeOpened() {
          const fresh = opened.filter((page) => !known.has(page) && !page.isClosed());
          for (const page of fresh) known.add(page);
          opened.length = 0;
          return fresh.map(wrap);
        },
        async close() {
          await context.close();
        },
      };
    },
    async close() {
      await browser.close();
    },
  };
}

function handleOf(ref: ElementRef): ElementHandle {
  return ref.element as ElementHandle;
}

async function frameAt(page: Page, path: number[]): Promise<Frame> {
  let frame = page.mainFrame();
  for (const index of path) {
    const handle = await frame.evaluateHandle(pageCall(frameElementAt, index));
    const child = await (handle.asElement() as ElementHandle | null)?.contentFrame();
    if (!child) throw new Error(`no frame ${index} in ${frame.url()}`);
    frame = child;
  }
  return frame;
}

function wrap(page: Page): ReplayTab {
  return {
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    async location() {
      try {
        return await page.evaluate<TabLocation>(LOCATION_EXPRESSION);
      } catch {
        return null;
      }
    },
    async evaluate<T>(expression: string, frame: number[]) {
      return (await (await frameAt(page, frame)).evaluate(expression)) as T;
    },
    async find(expression, frame) {
      const handle = await (await frameAt(page, frame)).evaluateHandle(expression);
      if (await handle.evaluate((value) => value === null)) return null;
      const element = (await handle.getProperty('0')).asElement();
      const found = (await (await handle.getProperty('1')).jsonValue()) as FoundBy;
      await handle.dispose();
      return element ? { ref: { element }, found } : null;
    },
    onElement(ref, fn, arg) {
      return handleOf(ref).evaluate(fn as never, arg) as never;
    },
    async click(ref) {
      await handleOf(ref).click({ timeout: ACTION_TIMEOUT_MS });
    },
    async setFiles(ref, paths) {
      await handleOf(ref).setInputFiles(paths, { timeout: ACTION_TIMEOUT_MS });
    },
    async type(text) {
      await page.keyboard.type(text);
    },
    async keyDown(key) {
      await page.keyboard.down(key);
    },
    async keyUp(key) {
      await page.keyboard.up(key);
    },
    async bringToFront() {
      await page.bringToFront();
    },
    async close() {
      await page.close();
    },
  };
}
