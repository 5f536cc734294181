import { browser } from 'wxt/browser';

const ALIVE_KEY = 'tasktrace:browser-session';
/** How long an install or reload has to announce itself before a start counts as a restart. */
const INSTALL_GRACE_MS = 2_000;

let installedInThisWorker = false;

/** Called from `runtime.onInstalled`: this start is an install, update or reload. */
export function noteInstalled(): void {
  installedInThisWorker = true;
}

/**
 * `storage.session` is emptied when the browser closes (and when the extension is
 * reloaded). A worker that finds it empty, and hears of no install or reload soon
 * after, is running in a new browser session. `runtime.onStartup` says the same, but
 * not in every launch mode, so both lead here.
 */
export async function detectBrowserRestart(onRestart: () => Promise<void>): Promise<void> {
  const stored = await browser.storage.session.get(ALIVE_KEY);
  if (stored[ALIVE_KEY]) return;
  await browser.storage.session.set({ [ALIVE_KEY]: Date.now() });
  await new Promise((resolve) => setTimeout(resolve, INSTALL_GRACE_MS));
  if (!installedInThisWorker) await onRestart();
}
