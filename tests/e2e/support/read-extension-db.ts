import type { Session, TraceEvent } from '../../../lib/schema';
import type { PageHandle } from './driver';

export type DbSnapshot = { events: TraceEvent[]; sessions: Session[] };

/**
 * Reads the extension's IndexedDB from one of its own pages. Opening without a
 * version must never create the database, so an upgrade request is aborted.
 */
export async function readExtensionDb(page: PageHandle): Promise<DbSnapshot> {
  return page.evaluate(
    () =>
      new Promise<DbSnapshot>((resolve, reject) => {
        const request = indexedDB.open('tasktrace');
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onerror = () => resolve({ events: [], sessions: [] });
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['events', 'sessions'], 'readonly');
          const events = tx.objectStore('events').getAll();
          const sessions = tx.objectStore('sessions').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({
              events: (events.result as { event: TraceEvent }[]).map((stored) => stored.event),
              sessions: sessions.result as Session[],
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    undefined,
  );
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
