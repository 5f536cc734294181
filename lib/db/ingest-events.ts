import { type Session, type TraceEvent, traceEvent } from '../schema';
import { appendableChunk, chunksWith, lastChunkFirst } from './append-events';
import type { Db } from './open-db';
import { type RecordingTerms, termsFrom } from './recording-terms';
import type { MetaValues } from './schema';
import { readSourceLedger } from './source-ledger';

/** A session ends after this long without an event. */
export const IDLE_MS = 30 * 60 * 1000;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event before the background stamps session, sequence number and tab index. */
export type EventDraft = DistributiveOmit<TraceEvent, 'session' | 'seq' | 'tab'>;

export type IngestItem = {
  draft: EventDraft;
  /** Browser tab id, mapped to a session-local index for events that have a tab. */
  tabId?: number;
  source?: [string, number];
  /** Markers such as `pause` belong to an open session and never open one. */
  opensSession?: boolean;
};

export type IngestOutcome = 'stored' | 'duplicate' | 'dropped';

/**
 * Stores drafts in one transaction: reads pause and enrollment state, finds or starts
 * the session, skips resends already stored, hands out sequence numbers. Everything
 * it needs lives in the database, so a stopped service worker loses nothing. A batch
 * costs a few records whatever its size: its events go into one or two chunks and
 * each sender's record of what it had stored is read and written once.
 */
export async function ingestEvents(
  db: Db,
  items: readonly IngestItem[],
  now = Date.now(),
): Promise<IngestOutcome[]> {
  const tx = db.transaction(['chunks', 'senders', 'sessions', 'meta'], 'readwrite', {
    durability: 'relaxed',
  });
  const meta = tx.objectStore('meta');
  const sessions = tx.objectStore('sessions');
  const chunks = tx.objectStore('chunks');
  const [paused, enrollment, local, reconsent, currentId] = (await Promise.all([
    meta.get('paused'),
    meta.get('enrollment'),
    meta.get('local'),
    meta.get('reconsent'),
    meta.get('currentSession'),
  ])) as [
    MetaValues['paused'] | undefined,
    MetaValues['enrollment'] | undefined,
    MetaValues['local'] | undefined,
    MetaValues['reconsent'] | undefined,
    MetaValues['currentSession'] | undefined,
  ];
  const outcomes: IngestOutcome[] = [];
  const terms = termsFrom(enrollment, local, reconsent);
  if (paused || !terms) {
    await tx.done;
    return items.map(() => 'dropped');
  }

  // Every read is issued at once: each request is a round trip to the browser process,
  // and a round trip per event in turn left the background idle most of the time.
  let [session, ledger, lastFirst] = await Promise.all([
    currentId ? sessions.get(currentId) : undefined,
    readSourceLedger(
      tx.objectStore('senders'),
      items.flatMap((item) => (item.source ? [item.source] : [])),
    ),
    currentId ? lastChunkFirst(chunks, currentId) : undefined,
  ]);
  const writes: Promise<unknown>[] = [];
  const otherTerms =
    session !== undefined &&
    (session.consentVersion !== terms.consentVersion || session.studyId !== terms.studyId);
  if (session && (session.endedAt !== null || now - session.lastEventAt > IDLE_MS || otherTerms)) {
    if (session.endedAt === null) {
      session.endedAt = session.lastEventAt;
      session.endReason = otherTerms ? 'consent-changed' : 'idle';
      writes.push(sessions.put(session));
    }
    session = undefined;
    lastFirst = undefined;
  }
  const startSeq = session?.nextSeq ?? 0;

  // A new session is written only once an event in it is stored.
  let sessionWritten = session !== undefined;
  const stored: TraceEvent[] = [];
  for (const item of items) {
    if (item.source && ledger.has(item.source)) {
      outcomes.push('duplicate');
      continue;
    }
    if (!session) {
      if (item.opensSession === false) {
        outcomes.push('dropped');
        continue;
      }
      session = newSession(terms, now);
    }
    const parsed = traceEvent.safeParse(stamp(item, session));
    if (!parsed.success) {
      outcomes.push('dropped');
      continue;
    }
    if (!sessionWritten) {
      writes.push(meta.put(session.id, 'currentSession'));
      sessionWritten = true;
    }
    stored.push(parsed.data);
    if (item.source) ledger.add(item.source);
    session.nextSeq += 1;
    session.eventCount += 1;
    session.lastEventAt = now;
    outcomes.push('stored');
  }
  if (session && stored.length > 0) {
    // Only a small last chunk is read back and extended; otherwise the events start a new one.
    const tail = await appendableChunk(chunks, session.id, startSeq, lastFirst);
    for (const chunk of chunksWith(tail, session.id, stored)) writes.push(chunks.put(chunk));
    writes.push(...ledger.save(now), sessions.put(session));
  }
  // One failed write aborts the transaction, and every other write and `done` with it.
  await Promise.all([...writes, tx.done]);
  return outcomes;
}

function stamp(item: IngestItem, session: Session): TraceEvent {
  const base = { ...item.draft, session: session.id, seq: session.nextSeq };
  if (!('page' in item.draft) && item.draft.kind !== 'tab') return base as TraceEvent;
  const key = String(item.tabId ?? -1);
  let tab = session.tabs[key];
  if (tab === undefined) {
    tab = Object.keys(session.tabs).length;
    session.tabs[key] = tab;
  }
  return { ...base, tab } as TraceEvent;
}

function newSession(terms: RecordingTerms, now: number): Session {
  return {
    id: crypto.randomUUID(),
    studyId: terms.studyId,
    consentVersion: terms.consentVersion,
    startedAt: now,
    lastEventAt: now,
    endedAt: null,
    endReason: null,
    nextSeq: 0,
    eventCount: 0,
    uploadedCount: 0,
    tabs: {},
  };
}
