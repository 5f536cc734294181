import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { type EventDraft, IDLE_MS, ingestEvents } from '../../lib/db/ingest-events';
import { getMeta, setMeta } from '../../lib/db/meta';
import type { Db } from '../../lib/db/open-db';
import { setPaused } from '../../lib/db/set-paused';
import { enrolledDb } from './support/enrolled-db';
import { clickDraft } from './support/make-events';
import { countStoredEvents, storedEvents } from './support/stored-events';

const draft = (t = 1) => clickDraft({ t });

let db: Db;
beforeEach(async () => {
  db = await enrolledDb();
});

describe('ingestEvents', () => {
  it('stamps session, sequence numbers and session-local tab indexes', async () => {
    const outcomes = await ingestEvents(db, [
      { draft: draft(), tabId: 812, source: ['c1', 0] },
      { draft: draft(), tabId: 97, source: ['c2', 0] },
      { draft: draft(), tabId: 812, source: ['c1', 1] },
    ]);
    expect(outcomes).toEqual(['stored', 'stored', 'stored']);
    const events = (await storedEvents(db)).map((stored) => stored.event);
    expect(events.map((event) => event.seq)).toEqual([0, 1, 2]);
    expect(events.map((event) => ('tab' in event ? event.tab : null))).toEqual([0, 1, 0]);
    expect(new Set(events.map((event) => event.session)).size).toBe(1);
  });

  it('stores a resent event once', async () => {
    await ingestEvents(db, [{ draft: draft(), source: ['c1', 0], tabId: 1 }]);
    const again = await ingestEvents(db, [
      { draft: draft(), source: ['c1', 0], tabId: 1 },
      { draft: draft(), source: ['c1', 1], tabId: 1 },
    ]);
    expect(again).toEqual(['duplicate', 'stored']);
    expect(await countStoredEvents(db)).toBe(2);
  });

  it('stores an event sent twice in one batch once', async () => {
    const outcomes = await ingestEvents(db, [
      { draft: draft(), source: ['c1', 0], tabId: 1 },
      { draft: draft(), source: ['c1', 0], tabId: 1 },
      { draft: draft(), source: ['c1', 1], tabId: 1 },
    ]);
    expect(outcomes).toEqual(['stored', 'duplicate', 'stored']);
    const events = (await storedEvents(db)).map((stored) => stored.event);
    expect(events.map((event) => event.seq)).toEqual([0, 1]);
  });

  it('drops everything while paused or before joining a study', async () => {
    await setPaused(db, true);
    expect(await ingestEvents(db, [{ draft: draft(), tabId: 1 }])).toEqual(['dropped']);
    await db.delete('meta', 'enrollment');
    await setPaused(db, false);
    expect(await ingestEvents(db, [{ draft: draft(), tabId: 1 }])).toEqual(['dropped']);
    expect(await countStoredEvents(db)).toBe(0);
  });

  it('marks pause and resume in the open session, and nothing between them', async () => {
    await ingestEvents(db, [{ draft: draft(), tabId: 1 }], 1_000);
    await setPaused(db, true, 2_000);
    expect(await ingestEvents(db, [{ draft: draft(), tabId: 1 }], 2_500)).toEqual(['dropped']);
    await setPaused(db, false, 3_000);
    await ingestEvents(db, [{ draft: draft(), tabId: 1 }], 4_000);
    const sessions = await db.getAll('sessions');
    expect(sessions).toHaveLength(1);
    const kinds = (await storedEvents(db)).map((e) => e.event.kind);
    expect(kinds).toEqual(['click', 'pause', 'resume', 'click']);
    expect(sessions[0]?.consentVersion).toBe('v1');
  });

  it('after a pause longer than the idle limit, the resume marker opens the next session', async () => {
    await ingestEvents(db, [{ draft: draft(), tabId: 1 }], 1_000);
    await setPaused(db, true, 2_000);
    await setPaused(db, false, 2_000 + IDLE_MS + 1);
    const sessions = (await db.getAll('sessions')).sort((a, b) => a.startedAt - b.startedAt);
    expect(sessions.map((session) => session.endReason)).toEqual(['idle', null]);
    const second = (await storedEvents(db)).filter((e) => e.session === sessions[1]?.id);
    expect(second.map((e) => e.event.kind)).toEqual(['resume']);
  });

  it('records nothing while a changed study awaits consent, and a new consent starts a new session', async () => {
    await ingestEvents(db, [{ draft: draft(), tabId: 1 }], 1_000);
    const enrollment = await getMeta(db, 'enrollment');
    if (!enrollment) throw new Error('unreachable');
    await setMeta(db, 'reconsent', enrollment.study);
    expect(await ingestEvents(db, [{ draft: draft(), tabId: 1 }], 2_000)).toEqual(['dropped']);
    await db.delete('meta', 'reconsent');
    await setMeta(db, 'enrollment', { ...enrollment, consentVersion: 'v2' });
    await ingestEvents(db, [{ draft: draft(), tabId: 1 }], 3_000);
    const sessions = (await db.getAll('sessions')).sort((a, b) => a.startedAt - b.startedAt);
    expect(sessions.map((session) => [session.consentVersion, session.endReason])).toEqual([
      ['v1', 'consent-changed'],
      ['v2', null],
    ]);
  });

  it('starts a new session after 30 idle minutes', async () => {
    await ingestEvents(db, [{ draft: draft(), tabId: 1 }], 1_000);
    await ingestEvents(db, [{ draft: draft(), tabId: 1 }], 1_000 + IDLE_MS + 1);
    const sessions = await db.getAll('sessions');
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((session) => session.endReason === 'idle')).toHaveLength(1);
  });

  it('refuses a draft that fails the schema', async () => {
    const bad = { ...draft(), value: 'secret' } as unknown as EventDraft;
    expect(await ingestEvents(db, [{ draft: bad, tabId: 1 }])).toEqual(['dropped']);
    expect(await countStoredEvents(db)).toBe(0);
    expect(await db.count('sessions')).toBe(0);
  });
});
