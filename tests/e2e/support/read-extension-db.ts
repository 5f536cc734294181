import type { Session, TraceEvent } from '../../../lib/schema';
import type { PageHandle } from './driver';

export type DbSnapshot = { events: TraceEvent[]; uploaded: TraceEvent[]; sessions: Session[] };

/**
 * Reads the extension's IndexedDB from one of its own pages. Opening without a
 * version must never create the database, so an upgrade request is aborted.
 */
export async function readExtensionDb(page: PageHandle): Promise<DbSnapshot> {
  // A JSON string crosses both automation protocols intact; WebDriver BiDi would
  // turn a second reference to the same object into `undefined`.
  const json = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.open('tasktrace');
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onerror = () => resolve(JSON.stringify({ events: [], uploaded: [], sessions: [] }));
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['chunks', 'sessions'], 'readonly');
          const chunks = tx.objectStore('chunks').getAll();
          const sessions = tx.objectStore('sessions').getAll();
          tx.oncomplete = () => {
            db.close();
            // Events are stored many to a record; rows here are one event each, in order.
            const stored = (
              chunks.result as { events: TraceEvent[]; uploaded: (0 | 1 | 2)[] }[]
            ).flatMap((chunk) =>
              chunk.events.map((event, index) => ({ event, uploaded: chunk.uploaded[index] })),
            );
            resolve(
              JSON.stringify({
                events: stored.map((entry) => entry.event),
                uploaded: stored
                  .filter((entry) => entry.uploaded === 1)
                  .map((entry) => entry.event),
                sessions: sessions.result as Session[],
              }),
            );
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    undefined,
  );
  return JSON.parse(json) as DbSnapshot;
}

export async function waitForEvents(
  page: PageHandle,
  predicate: (events: TraceEvent[]) => boolean,
  timeoutMs = 15_000,
): Promise<TraceEvent[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { events } = await readExtensionDb(page);
    if (predicate(events)) return events;
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for events; have ${JSON.stringify(events.map((e) => e.kind))}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Waits until no event has arrived for two seconds, so what follows (a count, an
 * upload of "everything") is not raced by an event still on its way from a page.
 */
export async function waitForQuiet(page: PageHandle): Promise<void> {
  let count = -1;
  for (let quiet = 0; quiet < 8; ) {
    const now = (await readExtensionDb(page)).events.length;
    quiet = now === count ? quiet + 1 : 0;
    count = now;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
