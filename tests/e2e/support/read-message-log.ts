import type { PageHandle } from './driver';

/**
 * Every message the background received, as sent: the e2e build logs each one to a
 * database of its own (see lib/background/log-message-for-tests.ts).
 */
export async function readMessageLog(page: PageHandle): Promise<string[]> {
  const json = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const request = indexedDB.open('tasktrace-e2e-log');
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onerror = () => resolve('[]');
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('messages')) {
            db.close();
            resolve('[]');
            return;
          }
          const all = db.transaction('messages', 'readonly').objectStore('messages').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(JSON.stringify(all.result));
          };
          all.onerror = () => resolve('[]');
        };
      }),
    undefined,
  );
  return JSON.parse(json) as string[];
}
