import { type IngestItem, type IngestOutcome, ingestEvents } from './ingest-events';
import type { Db } from './open-db';

/**
 * Gathers items arriving in the same task into one transaction: one commit for a
 * burst of messages instead of one per message.
 */
export function createIngestQueue(getDb: () => Promise<Db>) {
  let pending: {
    item: IngestItem;
    resolve: (outcome: IngestOutcome) => void;
    reject: (error: unknown) => void;
  }[] = [];
  let scheduled = false;

  async function flush() {
    scheduled = false;
    const batch = pending;
    pending = [];
    try {
      const outcomes = await ingestEvents(
        await getDb(),
        batch.map((entry) => entry.item),
      );
      batch.forEach((entry, index) => {
        entry.resolve(outcomes[index] ?? 'dropped');
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }

  return (items: readonly IngestItem[]): Promise<IngestOutcome[]> => {
    const promises = items.map(
      (item) =>
        new Promise<IngestOutcome>((resolve, reject) => pending.push({ item, resolve, reject })),
    );
    if (!scheduled) {
      scheduled = true;
      setTimeout(flush, 0);
    }
    return Promise.all(promises);
  };
}
