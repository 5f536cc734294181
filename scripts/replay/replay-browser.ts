import type { FoundBy } from './find-target';

/**
 * An element in a tab, as the backend holds it (a Playwright or puppeteer handle), and
 * the path of the frame it is in (window.frames indexes, top first).
 */
export type ElementRef = { readonly element: unknown; readonly frame: readonly number[] };

/** A tab's address and load state, or null while it is between documents. */
export type TabLocation = { href: string; ready: boolean };

/**
 * One tab, the same in Chromium (Playwright) and Firefox (puppeteer over WebDriver
 * BiDi), so one replay runs in both. Expressions are strings (see page-call.ts).
 */
export interface ReplayTab {
  goto(url: string): Promise<void>;
  location(): Promise<TabLocation | null>;
  /** Evaluates an expression in the frame at `frame` (window.frames indexes, top first). */
  evaluate<T>(expression: string, frame: number[]): Promise<T>;
  /** Evaluates an expression that gives `[element, FoundBy]` or null. */
  find(expression: string, frame: number[]): Promise<{ ref: ElementRef; found: FoundBy } | null>;
  /** Runs a function on an element; keep it a small arrow (no inner named functions). */
  onElement<T, A>(ref: ElementRef, fn: (element: Element, arg: A) => T, arg: A): Promise<T>;
  /** Scrolls the element into view and clicks its centre with the mouse. */
  click(ref: ElementRef): Promise<void>;
  setFiles(ref: ElementRef, paths: string[]): Promise<void>;
  /** Types text into whatever has focus, key by key. */
  type(text: string): Promise<void>;
  keyDown(key: string): Promise<void>;
  keyUp(key: string): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

/** A fresh browsing context (no cookies, no storage) with its first tab. */
export interface ReplaySession {
  first: ReplayTab;
  openTab(): Promise<ReplayTab>;
  /** Tabs the pages opened themselves (target=_blank, window.open) since the last call. */
  takeOpened(): ReplayTab[];
  close(): Promise<void>;
}

export interface ReplayBrowser {
  name: 'chromium' | 'firefox';
  newSession(viewport: { w: number; h: number }): Promise<ReplaySession>;
  close(): Promise<void>;
}
