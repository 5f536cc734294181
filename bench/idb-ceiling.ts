import type { PageHandle } from '../tests/e2e/support/driver';

export type IdbCeiling = {
  /** One record per event, keyed and indexed as the extension's events store is. */
  recordPerEventPerSecond: number;
  /** 200 events per record, no indexes: what chunked storage could reach. */
  chunkedPerSecond: number;
};

/**
 * What IndexedDB itself takes on this machine, from an extension page, without the
 * extension's code: puts into one relaxed-durability transaction, none awaited.
 * It bounds the background ingest figure and shows what would raise it.
 */
export async function measureIdbCeiling(page: PageHandle, events = 5000): Promise<IdbCeiling> {
  return page.evaluate(async (count) => {
    const open = indexedDB.open(`tasktrace-bench-${Date.now()}`, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('events', { keyPath: ['session', 'seq'] });
      store.createIndex('bySource', 'source', { unique: true });
      store.createIndex('byUpload', ['session', 'uploaded', 'seq']);
      open.result.createObjectStore('chunks', { keyPath: ['session', 'seq'] });
    };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const event = {
      kind: 'click',
      t: Date.now(),
      frame: [],
      page: { origin: 'http://127.0.0.1:8080', path: '/bench/page-10000.html' },
      target: {
        tag: 'button',
        role: 'button',
        field: null,
        selector: 'main > section.catalog > div:nth-child(7) > div:nth-child(3) > div > button.buy',
        shadow: [],
        box: { x: 120, y: 340, w: 48, h: 22 },
        viewport: { w: 1280, h: 720 },
      },
      button: 0,
      clicks: 1,
      mods: [],
      session: '5b0d7c1e-8f0a-4c47-9a53-1f7c0b1d2e3f',
      tab: 0,
    };
    const rates: number[] = [];
    for (const store of ['events', 'chunks']) {
      const start = performance.now();
      const tx = db.transaction(store, 'readwrite', { durability: 'relaxed' });
      const target = tx.objectStore(store);
      if (store === 'events') {
        for (let seq = 0; seq < count; seq++) {
          target.add({
            session: event.session,
            seq,
            event: { ...event, seq },
            uploaded: 0,
            source: ['client', seq],
          });
        }
      } else {
        for (let chunk = 0; chunk < count / 200; chunk++) {
          target.add({
            session: event.session,
            seq: chunk,
            events: Array.from({ length: 200 }, (_, index) => ({
              event: { ...event, seq: chunk * 200 + index },
              source: ['client', chunk * 200 + index],
            })),
          });
        }
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      rates.push(count / ((performance.now() - start) / 1000));
    }
    const name = db.name;
    db.close();
    indexedDB.deleteDatabase(name);
    return { recordPerEventPerSecond: rates[0] ?? 0, chunkedPerSecond: rates[1] ?? 0 };
  }, events);
}
