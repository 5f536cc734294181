import { browser } from 'wxt/browser';

const KEY = 'tasktrace:storage-full';

/**
 * Whether capture stopped because IndexedDB ran out of space. Kept in
 * `storage.local`, which has its own quota, because a full database cannot even
 * record that it is full.
 */
export async function isStorageFull(): Promise<boolean> {
  return (await browser.storage.local.get(KEY))[KEY] === true;
}

export async function setStorageFull(full: boolean): Promise<void> {
  if (full) await browser.storage.local.set({ [KEY]: true });
  else await browser.storage.local.remove(KEY);
}
