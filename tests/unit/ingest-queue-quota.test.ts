import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { countStoredEvents, storedEvents } from './support/stored-events';

const quota = () => new DOMException('full', 'QuotaExceededError');
const ingest = vi.hoisted(() => ({ failures: 0, calls: 0 }));

vi.mock('../../lib/db/ingest-events', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../lib/db/ingest-events')>();
  return {
    ...original,
    ingestEvents: async (...args: Parameters<typeof original.ingestEvents>) => {
      ingest.calls += 1;
      if (ingest.failures > 0) {
        ingest.failures -= 1;
        throw quota();
      }
      return original.ingestEvents(...args);
    },
  };
});

const { createIngestQueue } = await import('../../lib/db/ingest-queue');
const { getMeta } = await import('../../lib/db/meta');
const { openTasktraceDb } = await import('../../lib/db/open-db');

const draft = {
  kind: 'hashchange' as const,
  t: 1,
  frame: [],
  page: { origin: 'https://shop.example', path: '/' },
};

describe('the ingest queue when storage is full', () => {
  it('pauses capture with reason quota and tells the background, without writing anything', async () => {
    const db = await openTasktraceDb(`test-${crypto.randomUUID()}`);
    ingest.failures = 2;
    const onQuotaPaused = vi.fn();
    const queue = createIngestQueue(async () => db, { onQuotaPaused });
    expect(await queue([{ draft, tabId: 1 }])).toEqual(['dropped']);
    expect(onQuotaPaused).toHaveBeenCalledOnce();
    expect(await getMeta(db, 'paused')).toBe(true);
    expect(await getMeta(db, 'pausedReason')).toBe('quota');
    expect(await countStoredEvents(db)).toBe(0);
  });

  it('prunes uploaded events and retries before pausing', async () => {
    const db = await openTasktraceDb(`test-${crypto.randomUUID()}`);
    await db.put('sessions', {
      id: '7d1f6c1e-3f4a-4b8e-9a51-2c0d9b7e4a10',
      studyId: 'demo',
      startedAt: 0,
      lastEventAt: 0,
      endedAt: 0,
      endReason: 'pause',
      consentVersion: 'v1',
      nextSeq: 1,
      eventCount: 1,
      uploadedCount: 1,
      tabs: {},
    });
    await db.put('chunks', {
      session: '7d1f6c1e-3f4a-4b8e-9a51-2c0d9b7e4a10',
      first: 0,
      events: [{ kind: 'pause', session: '7d1f6c1e-3f4a-4b8e-9a51-2c0d9b7e4a10', seq: 0, t: 0 }],
      uploaded: [1],
      unsent: 0,
    });
    ingest.failures = 1;
    ingest.calls = 0;
    const onQuotaPaused = vi.fn();
    const queue = createIngestQueue(async () => db, { onQuotaPaused });
    await queue([{ draft, tabId: 1 }]);
    expect(ingest.calls).toBe(2);
    expect(onQuotaPaused).not.toHaveBeenCalled();
    expect((await storedEvents(db)).map((stored) => stored.uploaded)).toEqual([]);
  });
});
