import puppeteer, {
  type Browser,
  type BrowserContext,
  type ElementHandle,
  type Frame,
  type KeyInput,
  type Page,
  type Target,
} from 'puppeteer-core';
import { browserPath } from './browser-paths';
import type { FoundBy } from './find-target';
import { frameContentOffset, frameElementAt, LOCATION_EXPRESSION } from './frame-element';
import { pageCall } from './page-call';
import type {
  ElementRef,
  ReplayBrowser,
  ReplaySession,
  ReplayTab,
  TabLocation,
} from './replay-browser';

type Viewport = { w: number; h: number };

/** Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi: each episode in a fresh context. */
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
      return sessionIn(context, viewport, () => context.close());
    },
    async close() {
      await browser.close();
    },
  };
}

/**
 * Replays in a Firefox someone else runs, such as one with an extension installed that
 * records what the replay does: each episode in new tabs of its default context at the
 * recorded viewport, closed after it with the tabs it opened. Cookies and storage stay.
 */
export function replayInFirefox(browser: Browser): ReplayBrowser {
  return {
    name: 'firefox',
    async newSession(viewport) {
      return sessionIn(browser.defaultBrowserContext(), viewport, async (pages) => {
        for (const page of pages) await page.close().catch(() => undefined);
      });
    },
    async close() {},
  };
}

/** A session's tabs in `context`; `close` gets every tab the session saw. */
async function sessionIn(
  context: BrowserContext,
  viewport: Viewport,
  close: (pages: Page[]) => Promise<void>,
): Promise<ReplaySession> {
  const known = new Set<Page>();
  const opened: Page[] = [];
  const onTarget = (target: Target) => {
    target.page().then(
      (page) => {
        if (page) opened.push(page);
      },
      () => undefined,
    );
  };
  context.on('targetcreated', onTarget);
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
      context.off('targetcreated', onTarget);
      await close([...new Set([...known, ...opened])]);
    },
  };
}

function handleOf(ref: ElementRef): ElementHandle<Element> {
  return ref.element as ElementHandle<Element>;
}

/**
 * The centre of an element in the tab's viewport, once it is scrolled into view as
 * puppeteer's click would (to the centre, unless it is in view whole). Measured in the
 * page's own realms: puppeteer's click hands the element to an isolated realm, and Firefox
 * may still have that realm of the document before (a tab that just left about:blank) and
 * refuse the element ("Not allowed to define cross-origin object as property").
 */
async function pointToClick(page: Page, ref: ElementRef): Promise<{ x: number; y: number }> {
  const point = await handleOf(ref).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const whole =
      box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
    if (!whole) element.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
    const rect = element.getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  });
  // From the element's frame up to the top: each frame's content starts at an offset.
  for (let depth = ref.frame.length; depth > 0; depth--) {
    const parent = await frameAt(page, ref.frame.slice(0, depth - 1));
    const offset = (await parent.evaluate(pageCall(frameContentOffset, ref.frame[depth - 1]!))) as {
      x: number;
      y: number;
    };
    point.x += offset.x;
    point.y += offset.y;
  }
  return point;
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
      // Read in the page's own realm: puppeteer's `getProperty` goes through an isolated
      // realm (see pointToClick).
      const handle = await (await frameAt(page, frame)).evaluateHandle(expression);
      try {
        const found = await handle.evaluate(
          (pair) => (pair as [Element, FoundBy] | null)?.[1] ?? null,
        );
        if (!found) return null;
        const element = (
          await handle.evaluateHandle((pair) => (pair as [Element, FoundBy])[0])
        ).asElement();
        return element ? { ref: { element, frame }, found } : null;
      } finally {
        await handle.dispose();
      }
    },
    onElement(ref, fn, arg) {
      return handleOf(ref).evaluate(fn as never, arg) as never;
    },
    async click(ref) {
      // Firefox does not render background tabs, and a click waits for a frame.
      await page.bringToFront();
      const { x, y } = await pointToClick(page, ref);
      await page.mouse.click(x, y);
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
