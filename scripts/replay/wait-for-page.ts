import { matchesTemplate } from './match-path';
import type { ReplayTab } from './replay-browser';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the tab has finished loading a page whose path matches `template` (any
 * path when null). Returns whether it did, and the path it was on last.
 */
export async function waitForPage(
  tab: ReplayTab,
  template: string | null,
  timeoutMs: number,
): Promise<{ matched: boolean; path: string | null; href: string | null }> {
  const deadline = Date.now() + timeoutMs;
  let path: string | null = null;
  let href: string | null = null;
  for (;;) {
    const location = await tab.location();
    if (location) {
      href = location.href;
      path = pathOf(href);
      if (location.ready && (template === null || matchesTemplate(path, template))) {
        return { matched: true, path, href };
      }
    }
    if (Date.now() > deadline) return { matched: false, path, href };
    await sleep(50);
  }
}

function pathOf(href: string): string {
  try {
    return new URL(href).pathname;
  } catch {
    return href;
  }
}
