import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteExpiredSessions } from '../../lib/db/delete-expired-sessions';
import { deleteUnsentFromOrigins } from '../../lib/db/delete-unsent-from-origins';
import { endOpenSession } from '../../lib/db/end-open-session';
import { ingestEvents } from '../../lib/db/ingest-events';
import { markUploaded } from '../../lib/db/mark-uploaded';
import type { Db } from '../../lib/db/open-db';
import { pruneUploaded } from '../../lib/db/prune-uploaded';
import { enrolledDb } from './support/enrolled-db';
import { clickDraft } from './support/make-events';
import { countStoredEvents, storedEvents } from './support/stored-events';

const DAY = 24 * 60 * 60 * 1000;
const click = (origin: string) => clickDraft({ origin });

let db: Db;
beforeEach(async () => {
  db = await enrolledDb();
});

describe('storage housekeeping', () => {
  it('deletes sessions older than the retention period, with their events', async () => {
    await ingestEvents(db, [{ draft: click('https://shop.example'), tabId: 1 }], 1_000);
    const now = 1_000 + 40 * DAY;
    await ingestEvents(db, [{ draft: click('https://shop.example'), tabId: 1 }], now);
    expect(await deleteExpiredSessions(db, 30, now)).toBe(1);
    expect(await db.count('sessions')).toBe(1);
    expect(await countStoredEvents(db)).toBe(1);
  });

  it('prunes only events the collector already has', async () => {
    await ingestEvents(
      db,
      [1, 2, 3].map(() => ({ draft: click('https://shop.example'), tabId: 1 })),
    );
    const [session] = await db.getAll('sessions');
    await markUploaded(db, session!.id, [0, 1]);
    expect(await pruneUploaded(db)).toBe(2);
    const left = await storedEvents(db);
    expect(left.map((stored) => stored.seq)).toEqual([2]);
  });

  it('deletes unsent events of a revoked origin and keeps the rest', async () => {
    await ingestEvents(db, [
      { draft: click('https://shop.example'), tabId: 1 },
      { draft: click('https://docs.example'), tabId: 1 },
      { draft: click('https://shop.example'), tabId: 1 },
    ]);
    const [session] = await db.getAll('sessions');
    await markUploaded(db, session!.id, [0]);
    expect(await deleteUnsentFromOrigins(db, (origin) => origin === 'https://shop.example')).toBe(
      1,
    );
    const left = (await storedEvents(db)).map((stored) => stored.seq);
    expect(left).toEqual([0, 1]);
    expect((await db.get('sessions', session!.id))?.eventCount).toBe(2);
  });

  it('ends the open session as of its last event', async () => {
    await ingestEvents(db, [{ draft: click('https://shop.example'), tabId: 1 }], 5_000);
    const ended = await endOpenSession(db, 'browser-closed');
    expect(ended).toMatchObject({ endedAt: 5_000, endReason: 'browser-closed' });
    await ingestEvents(db, [{ draft: click('https://shop.example'), tabId: 1 }], 6_000);
    expect(await db.count('sessions')).toBe(2);
  });
});
