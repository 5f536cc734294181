import type { IDBPIndex } from 'idb';
import type { TasktraceDB } from './schema';

type SourceIndex = IDBPIndex<
  TasktraceDB,
  ('events' | 'sessions' | 'meta')[],
  'events',
  'bySource',
  'readwrite'
>;

/** The key a source is compared by: client id and its sequence number. */
export function sourceKey(source: readonly [string, number]): string {
  return JSON.stringify(source);
}

/**
 * Which of these sources are already stored. One range query per sending content
 * script (a message carries one client's consecutive numbers) instead of one lookup
 * per event: each IndexedDB request is a round trip to the browser process.
 */
export async function storedSources(
  index: SourceIndex,
  sources: readonly (readonly [string, number])[],
): Promise<Set<string>> {
  const ranges = new Map<string, { low: number; high: number }>();
  for (const [client, cseq] of sources) {
    const range = ranges.get(client);
    if (range) {
      range.low = Math.min(range.low, cseq);
      range.high = Math.max(range.high, cseq);
    } else ranges.set(client, { low: cseq, high: cseq });
  }
  const found = await Promise.all(
    [...ranges].map(([client, { low, high }]) =>
      index.getAll(IDBKeyRange.bound([client, low], [client, high])),
    ),
  );
  const stored = new Set<string>();
  for (const event of found.flat()) if (event.source) stored.add(sourceKey(event.source));
  return stored;
}
