import { browser } from 'wxt/browser';

/**
 * Gives back site permissions. One call per origin: a browser refuses a whole request
 * when one of its origins is required by the manifest (as in test builds).
 */
export async function revokeSiteAccess(origins: readonly string[]): Promise<void> {
  for (const origin of new Set(origins)) {
    await browser.permissions.remove({ origins: [origin] }).catch(() => false);
  }
}
