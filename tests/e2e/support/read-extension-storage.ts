import type { PageHandle } from './driver';

/**
 * Everything the extension keeps, as text: every store of its IndexedDB and all of
 * `storage.local`. The e2e build's log of received messages is apart: readMessageLog.
 */
export async function dumpExtensionStorage(
  page: PageHandle,
): Promise<{ indexedDb: string; storage: Record<string, unknown> }> {
  const json = await page.evaluate(async () => {
    type StorageApi = { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
    const scope = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
    const storage = await (scope.browser ?? scope.chrome).storage.local.get(null);
    const indexedDb = await new Promise<Record<string, unknown[]>>((resolve) => {
      const request = indexedDB.open('tasktrace');
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onerror = () => resolve({});
      request.onsuccess = () => {
        const db = request.result;
        const names = Array.from(db.objectStoreNames);
        const tx = db.transaction(names, 'readonly');
        const dump: Record<string, unknown[]> = {};
        for (const name of names) {
          const all = tx.objectStore(name).getAll();
          all.onsuccess = () => {
            dump[name] = all.result;
          };
        }
        tx.oncomplete = () => {
          db.close();
          resolve(dump);
        };
      };
    });
    return JSON.stringify({ storage, indexedDb: JSON.stringify(indexedDb) });
  }, undefined);
  return JSON.parse(json);
}
