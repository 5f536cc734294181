import { type Session, type TraceEvent, traceEvent } from '../schema';
import type { Db } from './open-db';
import { type RecordingTerms, termsFrom } from './recording-terms';
import type { MetaValues, StoredEvent } from './schema';
import { sourceKey, storedSources } from './stored-sources';

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
 * it needs lives in the database, so a stopped service worker loses nothing.
 */
export async function ingestEvents(
  db: Db,
  items: readonly IngestItem[],
  now = Date.now(),
): Promise<IngestOutcome[]> {
  const tx = db.transaction(['events', 'sessions', 'meta'], 'readwrite', { durability: 'relaxed' });
  const meta = tx.objectStore('meta');
  const sessions = tx.objectStore('sessions');
  const events = tx.objectStore('events');
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

  let session = currentId ? await sessions.get(currentId) : undefined;
  const otherTerms =
    session !== undefined &&
    (session.consentVersion !== terms.consentVersion || session.studyId !== terms.studyId);
  if (session && (session.endedAt !== null || now - session.lastEventAt > IDLE_MS || otherTerms)) {
    if (session.endedAt === null) {
      session.endedAt = session.lastEventAt;
      session.endReason = otherTerms ? 'consent-changed' : 'idle';
      await sessions.put(session);
    }
    session = undefined;
  }

  // Resends are found with one query, and every write is issued without waiting for the
  // one before (IndexedDB runs them in order): a round trip per event in turn left the
  // background idle most of the time and capped ingest near 1,000 events/s.
  const seen = await storedSources(
    events.index('bySource'),
    items.flatMap((item) => (item.source ? [item.source] : [])),
  );
  const writes: Promise<unknown>[] = [];

  // A new session is written only once an event in it is stored.
  let sessionWritten = session !== undefined;
  let sessionChanged = false;
  for (const item of items) {
    const source = item.source ? sourceKey(item.source) : null;
    if (source !== null && seen.has(source)) {
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
    const stored: StoredEvent = {
      session: session.id,
      seq: parsed.data.seq,
      event: parsed.data,
      uploaded: 0,
      ...(item.source ? { source: item.source } : {}),
    };
    writes.push(events.add(stored));
    if (source !== null) seen.add(source);
    session.nextSeq += 1;
    session.eventCount += 1;
    session.lastEventAt = now;
    sessionChanged = true;
    outcomes.push('stored');
  }
  if (session && sessionChanged) writes.push(sessions.put(session));
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
