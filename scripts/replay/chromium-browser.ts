import {
  type BrowserContext,
  chromium,
  type ElementHandle,
  type Frame,
  type Page,
} from 'playwright-core';
import { browserPath } from './browser-paths';
import type { FoundBy } from './find-target';
import { frameElementAt, LOCATION_EXPRESSION } from './frame-element';
import { pageCall } from './page-call';
import type {
  ElementRef,
  ReplayBrowser,
  ReplaySession,
  ReplayTab,
  TabLocation,
} from './replay-browser';

const ACTION_TIMEOUT_MS = 10_000;

/** Debian's Chromium, driven by playwright-core: each episode in a fresh context. */
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
      return sessionIn(context, await context.newPage(), () => context.close());
    },
    async close() {
      await browser.close();
    },
  };
}

/**
 * Replays in a context someone else runs, such as one with an extension loaded that
 * records what the replay does: each episode in a new tab at its recorded viewport,
 * closed after it with the tabs it opened. The context, its cookies and storage stay.
 */
export function replayInChromiumContext(context: BrowserContext): ReplayBrowser {
  return {
    name: 'chromium',
    async newSession(viewport) {
      const first = await context.newPage();
      await first.setViewportSize({ width: viewport.w, height: viewport.h });
      return sessionIn(context, first, async (pages) => {
        for (const page of pages) await page.close().catch(() => undefined);
      });
    },
    async close() {},
  };
}

/** A session's tabs in `context`, from its first; `close` gets every tab the session saw. */
function sessionIn(
  context: BrowserContext,
  first: Page,
  close: (pages: Page[]) => Promise<void>,
): ReplaySession {
  const known = new Set<Page>([first]);
  const opened: Page[] = [];
  const onPage = (page: Page) => opened.push(page);
  context.on('page', onPage);
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
      context.off('page', onPage);
      await close([...new Set([...known, ...opened])]);
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
      return element ? { ref: { element, frame }, found } : null;
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
