import puppeteer, {
  type ElementHandle,
  type Frame,
  type KeyInput,
  type Page,
} from 'puppeteer-core';
import { browserPath } from './browser-paths';
import type { FoundBy } from './find-target';
import { frameElementAt, LOCATION_EXPRESSION } from './frame-element';
import { pageCall } from './page-call';
import type { ElementRef, ReplayBrowser, ReplayTab, TabLocation } from './replay-browser';

/** Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi. */
export async function launchFirefox(): Promise<ReplayBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath('firefox'),
    headless: true,
  });
  return {
    name: 'firefox',
    async newSession(viewport) {
      const context = await browser.createBrowserContext();
      const known = new Set<Page>();
      const opened: Page[] = [];
      context.on('targetcreated', (target) => {
        target.page().then(
          (page) => {
            if (page) opened.push(page);
          },
          () => undefined,
        );
      });
      const open = async () => {
        const page = await context.newPage();
        known.add(page);
        await page.setViewport({ width: viewport.w, height: viewport.h });
        return page;
      };
      const first = await open();
      return {
        first: wrap(first),
        async openTab() {
          return wrap(await open());
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

function handleOf(ref: ElementRef): ElementHandle<Element> {
  return ref.element as ElementHandle<Element>;
}

async function frameAt(page: Page, path: number[]): Promise<Frame> {
  let frame = page.mainFrame();
  for (const index of path) {
    const handle = await frame.evaluateHandle(pageCall(frameElementAt, index));
    const child = await handle.asElement()?.contentFrame();
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
        return await page.evaluate<[], () => TabLocation>(LOCATION_EXPRESSION as never);
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
      const element = (await handle.getProperty('0' as never)).asElement();
      const found = (await (await handle.getProperty('1' as never)).jsonValue()) as FoundBy;
      await handle.dispose();
      return element ? { ref: { element }, found } : null;
    },
    onElement(ref, fn, arg) {
      return handleOf(ref).evaluate(fn as never, arg) as never;
    },
    async click(ref) {
      // Firefox does not render background tabs, and a click waits for a frame.
      await page.bringToFront();
      await handleOf(ref).click();
    },
    async setFiles(ref, paths) {
      await (handleOf(ref) as ElementHandle<HTMLInputElement>).uploadFile(...paths);
    },
    async type(text) {
      await page.keyboard.type(text);
    },
    async keyDown(key) {
      await page.keyboard.down(key as KeyInput);
    },
    async keyUp(key) {
      await page.keyboard.up(key as KeyInput);
    },
    async bringToFront() {
      await page.bringToFront();
    },
    async close() {
      await page.close();
    },
  };
}
