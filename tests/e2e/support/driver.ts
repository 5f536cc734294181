/**
 * What a test needs from a browser, the same in Chromium (Playwright) and Firefox
 * (puppeteer over WebDriver BiDi), so one test body runs in both.
 */
export type PageHandle = {
  goto(url: string): Promise<void>;
  /** Clicks the button whose accessible name is exactly `name`, as a user would. */
  clickButton(name: string): Promise<void>;
  /** Clicks the first element matching a CSS selector, as a user would. */
  click(selector: string): Promise<void>;
  fillByLabel(label: string, value: string): Promise<void>;
  /** Clicks an element with real input: `clicks: 2` double-clicks, `button: 'right'` opens a menu. */
  clickWith(
    selector: string,
    options: { clicks?: number; button?: 'left' | 'right' },
  ): Promise<void>;
  /** Real mouse click at page coordinates (reaches into frames and closed shadow roots). */
  clickAt(x: number, y: number): Promise<void>;
  /** Real key presses into whatever has focus. */
  typeText(text: string): Promise<void>;
  /** A key or chord such as `Escape`, `Control+c`, `Shift+Tab`. */
  press(chord: string): Promise<void>;
  setFiles(selector: string, path: string): Promise<void>;
  /** Scrolls with the mouse wheel over the given point. */
  wheel(x: number, y: number, deltaY: number): Promise<void>;
  bringToFront(): Promise<void>;
  /** History back and forward, as the browser's buttons do (the back/forward cache applies). */
  back(): Promise<void>;
  forward(): Promise<void>;
  waitForText(text: string, timeoutMs?: number): Promise<void>;
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  close(): Promise<void>;
};

export type Driver = {
  name: 'chromium' | 'firefox';
  /** A tab showing one of the extension's pages; starts on the onboarding page. */
  extensionPage: PageHandle;
  /** Points the extension tab at another extension page (`popup.html`). */
  openExtensionPage(path: string): Promise<void>;
  newPage(): Promise<PageHandle>;
  close(): Promise<void>;
};
