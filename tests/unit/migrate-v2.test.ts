import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { ingestEvents } from '../../lib/db/ingest-events';
import { type LegacyEvent, MIGRATED_CHUNK_EVENTS } from '../../lib/db/migrate-events-to-chunks';
import { openTasktraceDb } from '../../lib/db/open-db';
import { readUnuploaded } from '../../lib/db/read-unuploaded';
import { DB_VERSION } from '../../lib/db/schema';
import type { Session } from '../../lib/schema';
import { testStudy } from './support/enrolled-db';
import { clickDraft, clickEvent } from './support/make-events';
import { storedEvents } from './support/stored-events';

const A = '0b9a6d2e-1c4f-4a8b-9e3d-5f7a2c1b0d9e';
const B = '4e8f1a2b-6c3d-4e5f-8a9b-0c1d2e3f4a5b';

function session(id: string, events: number, uploaded: number): Session {
  return {
    id,
    studyId: 'demo',
    consentVersion: 'v1',
    startedAt: 1,
    lastEventAt: 2,
    endedAt: null,
    endReason: null,
    nextSeq: events,
    eventCount: events,
    uploadedCount: uploaded,
    tabs: { '1': 0 },
  };
}

/** Session A: 450 events, the first 300 uploaded, seq 310 too large; B: 3 events, one deleted. */
function legacyEvents(): LegacyEvent[] {
  const a = Array.from({ length: 450 }, (_, seq) => ({
    session: A,
    seq,
    event: clickEvent({ session: A, seq, t: seq }),
    uploaded: seq < 300 ? (1 as const) : seq === 310 ? (2 as const) : (0 as const),
    // The first events came from the background (no source).
    ...(seq >= 5 ? { source: ['c1', seq - 5] as [string, number] } : {}),
  }));
  const b = [0, 2].map((seq) => ({
    session: B,
    seq,
    event: clickEvent({ session: B, seq, t: seq }),
    uploaded: 0 as const,
    source: ['c2', seq] as [string, number],
  }));
  return [...a, ...b];
}

/** A database as version 2 of the extension left it: one record per event, two indexes. */
async function createV2(name: string) {
  const db = await openDB(name, 2, {
    upgrade(raw) {
      const events = raw.createObjectStore('events', { keyPath: ['session', 'seq'] });
      events.createIndex('bySource', 'source', { unique: true });
      events.createIndex('byUpload', ['session', 'uploaded', 'seq']);
      raw.createObjectStore('sessions', { keyPath: 'id' });
      raw.createObjectStore('meta');
      raw.createObjectStore('uploads', { keyPath: 'session' });
    },
  });
  const tx = db.transaction(['events', 'sessions', 'meta'], 'readwrite');
  await Promise.all([
    // Out of order on purpose: the store's key orders them.
    ...legacyEvents()
      .reverse()
      .map((stored) => tx.objectStore('events').put(stored)),
    tx.objectStore('sessions').put({ ...session(A, 450, 300), endedAt: 2, endReason: 'idle' }),
    tx.objectStore('sessions').put({ ...session(B, 3, 0), eventCount: 2 }),
    tx.objectStore('meta').put(B, 'currentSession'),
    tx.objectStore('meta').put(
      {
        studyUrl: 'https://collector.example/v1/studies/demo',
        study: testStudy,
        participantId: 'p_0123456789abcdef0123',
        uploadToken: 'x'.repeat(43),
        consentVersion: 'v1',
        enrolledAt: 0,
      },
      'enrollment',
    ),
    tx.done,
  ]);
  db.close();
}

describe('upgrading a version 2 database', () => {
  it('moves every event into chunks with its upload state, and resends stay duplicates', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await createV2(name);
    const db = await openTasktraceDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'chunks',
      'meta',
      'senders',
      'sessions',
      'uploads',
    ]);

    const before = legacyEvents();
    const after = await storedEvents(db);
    expect(after).toEqual(
      before.map(({ session, seq, event, uploaded }) => ({ session, seq, event, uploaded })),
    );
    expect((await db.getAll('chunks')).map((chunk) => [chunk.first, chunk.events.length])).toEqual([
      [0, MIGRATED_CHUNK_EVENTS],
      [MIGRATED_CHUNK_EVENTS, MIGRATED_CHUNK_EVENTS],
      [2 * MIGRATED_CHUNK_EVENTS, 450 - 2 * MIGRATED_CHUNK_EVENTS],
      [0, 2],
    ]);
    expect(await db.get('senders', 'c1')).toMatchObject({ ranges: [[0, 444]] });
    expect(await db.get('senders', 'c2')).toMatchObject({
      ranges: [
        [0, 0],
        [2, 2],
      ],
    });
    // Uploads carry on where they were, past the quarantined event.
    expect((await readUnuploaded(db, A, 12)).map((entry) => entry.seq)).toEqual([
      300, 301, 302, 303, 304, 305, 306, 307, 308, 309, 311, 312,
    ]);
    // Session counters are left exactly as they were.
    expect(await db.get('sessions', B)).toMatchObject({ nextSeq: 3, eventCount: 2 });

    const resent = await ingestEvents(
      db,
      [
        { draft: clickDraft(), tabId: 1, source: ['c2', 2] },
        { draft: clickDraft(), tabId: 1, source: ['c2', 1] },
      ],
      3,
    );
    expect(resent).toEqual(['duplicate', 'stored']);
    expect((await storedEvents(db, B)).map((entry) => entry.seq)).toEqual([0, 2, 3]);
    db.close();
  });

  it('creates a fresh database at version 3 without the old store', async () => {
    const db = await openTasktraceDb(`test-${crypto.randomUUID()}`);
    expect(db.objectStoreNames.contains('chunks')).toBe(true);
    expect([...db.objectStoreNames]).not.toContain('events');
    db.close();
  });
});
