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
