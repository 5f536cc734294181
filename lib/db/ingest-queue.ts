import { type IngestItem, type IngestOutcome, ingestEvents } from './ingest-events';
import { isQuotaError } from './is-quota-error';
import type { Db } from './open-db';
import { pruneUploaded } from './prune-uploaded';
import { setPaused } from './set-paused';

export type IngestQueueOptions = {
  /** Called after storage ran out and capture was paused, so pages can be told. */
  onQuotaPaused?: () => void;
};

/**
 * Gathers items arriving in the same task, or while the previous transaction commits,
 * into one transaction: one commit for a burst of messages instead of one per message. When storage is full, events the
 * collector already has are pruned and the write retried; if it still does not fit,
 * capture pauses (visibly) instead of half-writing anything.
 */
export function createIngestQueue(getDb: () => Promise<Db>, options: IngestQueueOptions = {}) {
  let pending: {
    item: IngestItem;
    resolve: (outcome: IngestOutcome) => void;
    reject: (error: unknown) => void;
  }[] = [];
  let scheduled = false;
  let writing = false;

  async function write(items: IngestItem[]): Promise<IngestOutcome[]> {
    const db = await getDb();
    try {
      return await ingestEvents(db, items);
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      if ((await pruneUploaded(db).catch(() => 0)) > 0) {
        try {
          return await ingestEvents(db, items);
        } catch (retryError) {
          if (!isQuotaError(retryError)) throw retryError;
        }
      }
      await setPaused(db, true, Date.now(), 'quota').catch(() => undefined);
      options.onQuotaPaused?.();
      return items.map(() => 'dropped');
    }
  }

  function schedule() {
    if (scheduled || writing || pending.length === 0) return;
    scheduled = true;
    setTimeout(flush, 0);
  }

  // One transaction at a time: what arrives while one commits waits for the next,
  // so under load transactions grow instead of queueing up one per message.
  async function flush() {
    scheduled = false;
    writing = true;
    const batch = pending;
    pending = [];
    try {
      const outcomes = await write(batch.map((entry) => entry.item));
      batch.forEach((entry, index) => {
        entry.resolve(outcomes[index] ?? 'dropped');
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      writing = false;
      schedule();
    }
  }

  return (items: readonly IngestItem[]): Promise<IngestOutcome[]> => {
    const promises = items.map(
      (item) =>
        new Promise<IngestOutcome>((resolve, reject) => pending.push({ item, resolve, reject })),
    );
    schedule();
    return Promise.all(promises);
  };
}
