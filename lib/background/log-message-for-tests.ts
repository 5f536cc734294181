import { browser } from 'wxt/browser';

export const TEST_MESSAGE_LOG_KEY = 'e2e:messages';

let chain: Promise<void> = Promise.resolve();

/**
 * In the e2e build only, keeps every message the background receives, as sent, so
 * the canary suite can search all bytes that left a page. Production builds drop
 * this code entirely (the mode is replaced at build time).
 */
export function logMessageForTests(raw: unknown): void {
  if (import.meta.env.MODE !== 'e2e') return;
  const line = JSON.stringify(raw) ?? 'undefined';
  chain = chain
    .then(async () => {
      const stored = await browser.storage.local.get(TEST_MESSAGE_LOG_KEY);
      const log = (stored[TEST_MESSAGE_LOG_KEY] as string[] | undefined) ?? [];
      log.push(line);
      await browser.storage.local.set({ [TEST_MESSAGE_LOG_KEY]: log });
    })
    .catch(() => undefined);
}
