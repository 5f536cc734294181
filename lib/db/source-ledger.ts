import type { IDBPObjectStore, StoreNames } from 'idb';
import type { SenderRecord, TasktraceDB } from './schema';
import { addToRanges, inRanges } from './sender-ranges';

type SenderStore = IDBPObjectStore<
  TasktraceDB,
  ArrayLike<StoreNames<TasktraceDB>>,
  'senders',
  'readwrite'
>;

/** Which numbered events of their senders are stored, as read at the start of a transaction. */
export type SourceLedger = {
  has(source: readonly [string, number]): boolean;
  add(source: readonly [string, number]): void;
  /** Writes back the record of every sender that had an event added. */
  save(now: number): Promise<unknown>[];
};

/**
 * Reads the records of the senders named in a batch: usually one, so resends are found
 * with O(1) requests whatever the batch size, without an index over every event.
 */
export async function readSourceLedger(
  store: SenderStore,
  sources: readonly (readonly [string, number])[],
): Promise<SourceLedger> {
  const clientIds = [...new Set(sources.map(([clientId]) => clientId))];
  const records = await Promise.all(clientIds.map((clientId) => store.get(clientId)));
  const ranges = new Map<string, SenderRecord['ranges']>();
  clientIds.forEach((clientId, index) => {
    ranges.set(clientId, records[index]?.ranges ?? []);
  });
  const added = new Map<string, Set<number>>();
  return {
    has: ([clientId, cseq]) =>
      inRanges(ranges.get(clientId) ?? [], cseq) || (added.get(clientId)?.has(cseq) ?? false),
    add([clientId, cseq]) {
      const numbers = added.get(clientId) ?? new Set<number>();
      numbers.add(cseq);
      added.set(clientId, numbers);
    },
    save: (now) =>
      [...added].map(([clientId, numbers]) =>
        store.put({
          clientId,
          ranges: addToRanges(ranges.get(clientId) ?? [], numbers),
          touchedAt: now,
        }),
      ),
  };
}
