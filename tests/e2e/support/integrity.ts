import type { TraceEvent } from '../../../lib/schema';

/** Duplicated (session, seq) pairs, and sequence holes per session. Both must be zero. */
export function integrityOf(events: readonly TraceEvent[]): { duplicates: number; holes: number } {
  const seen = new Set<string>();
  const bySession = new Map<string, number[]>();
  let duplicates = 0;
  for (const event of events) {
    const key = `${event.session}:${event.seq}`;
    if (seen.has(key)) duplicates += 1;
    seen.add(key);
    bySession.set(event.session, [...(bySession.get(event.session) ?? []), event.seq]);
  }
  let holes = 0;
  for (const seqs of bySession.values()) {
    seqs.sort((a, b) => a - b);
    seqs.forEach((seq, index) => {
      if (seq !== index) holes += 1;
    });
  }
  return { duplicates, holes };
}

export const clicksOn = (events: readonly TraceEvent[], selector: string) =>
  events.filter((event) => event.kind === 'click' && event.target.selector === selector).length;
