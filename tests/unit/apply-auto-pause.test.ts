import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Db } from '../../lib/db/open-db';
import { storedEvents } from './support/stored-events';

const current = vi.hoisted(() => ({ db: undefined as unknown as Db }));
vi.mock('../../lib/db/open-db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/db/open-db')>()),
  getDb: async () => current.db,
}));

const { onIdleStateChanged, syncIdleDetection } = await import(
  '../../lib/background/apply-auto-pause'
);
const { setAutoPauseMinutes } = await import('../../lib/background/set-auto-pause-minutes');
const { PAUSED_TEXT } = await import('../../lib/background/badge-for');
const { getMeta, setMeta } = await import('../../lib/db/meta');
const { ingestEvents } = await import('../../lib/db/ingest-events');
const { openTasktraceDb } = await import('../../lib/db/open-db');
const { setPaused } = await import('../../lib/db/set-paused');
const { setStorageFull } = await import('../../lib/settings/storage-full');
const { enrolledDb } = await import('./support/enrolled-db');
const { clickDraft } = await import('./support/make-events');
const { badgeOf, changeStudy, openTab, recordLocally, stubExtensionApis } = await import(
  './support/fake-extension'
);

let shop: number;
let setDetectionInterval: ReturnType<typeof stubExtensionApis>['setDetectionInterval'];
beforeEach(async () => {
  fakeBrowser.reset();
  current.db = await enrolledDb();
  ({ setDetectionInterval } = stubExtensionApis(['https://shop.example/*']));
  shop = await openTab('https://shop.example/cart');
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('idle detection', () => {
  it('keeps the browser’s default interval while auto-pause is off', async () => {
    await syncIdleDetection();
    await setMeta(current.db, 'autoPauseMinutes', 0);
    await syncIdleDetection();
    expect(setDetectionInterval.mock.calls).toEqual([[60], [60]]);
  });

  it('reports idle after the volunteer’s minutes', async () => {
    await setMeta(current.db, 'autoPauseMinutes', 5);
    await syncIdleDetection();
    expect(setDetectionInterval).toHaveBeenLastCalledWith(300);
  });
});

describe('setting the auto-pause minutes', () => {
  it.each([1, 15, 240])('stores %i and tells the browser', async (minutes) => {
    await setAutoPauseMinutes(minutes);
    expect(await getMeta(current.db, 'autoPauseMinutes')).toBe(minutes);
    expect(setDetectionInterval).toHaveBeenLastCalledWith(minutes * 60);
  });

  it('turns auto-pause off with 0', async () => {
    await setAutoPauseMinutes(10);
    await setAutoPauseMinutes(0);
    expect(await getMeta(current.db, 'autoPauseMinutes')).toBe(0);
    expect(setDetectionInterval).toHaveBeenLastCalledWith(60);
  });

  it.each([-1, 241, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses %s and changes nothing',
    async (minutes) => {
      await setAutoPauseMinutes(10);
      await expect(setAutoPauseMinutes(minutes)).rejects.toThrow(/0 \(off\) to 240/);
      expect(await getMeta(current.db, 'autoPauseMinutes')).toBe(10);
      expect(setDetectionInterval).toHaveBeenCalledTimes(1);
    },
  );
});

describe('pausing after the volunteer was away', () => {
  beforeEach(async () => {
    await setMeta(current.db, 'autoPauseMinutes', 10);
  });

  it.each(['idle', 'locked'] as const)('pauses when the browser reports %s', async (state) => {
    await onIdleStateChanged(state);
    expect(await getMeta(current.db, 'paused')).toBe(true);
    expect(await getMeta(current.db, 'pausedReason')).toBe('idle');
    expect(await badgeOf(shop)).toEqual({
      text: PAUSED_TEXT,
      title: 'tasktrace: paused (after you were away) — open tasktrace to resume',
    });
  });

  it('does not resume by itself when the volunteer comes back', async () => {
    await onIdleStateChanged('idle');
    await onIdleStateChanged('active');
    expect(await getMeta(current.db, 'paused')).toBe(true);
    expect((await badgeOf(shop)).text).toBe(PAUSED_TEXT);
  });

  it('ignores the volunteer being active', async () => {
    await onIdleStateChanged('active');
    expect(await getMeta(current.db, 'paused')).toBeUndefined();
  });

  it('does nothing while auto-pause is off', async () => {
    await setMeta(current.db, 'autoPauseMinutes', 0);
    await onIdleStateChanged('idle');
    expect(await getMeta(current.db, 'paused')).toBeUndefined();
    await current.db.delete('meta', 'autoPauseMinutes');
    await onIdleStateChanged('locked');
    expect(await getMeta(current.db, 'paused')).toBeUndefined();
  });

  it('does nothing without a study or local recording', async () => {
    current.db = await openTasktraceDb(`test-${crypto.randomUUID()}`);
    await setMeta(current.db, 'autoPauseMinutes', 10);
    await onIdleStateChanged('idle');
    expect(await getMeta(current.db, 'paused')).toBeUndefined();
  });

  it('does nothing while a changed study awaits consent', async () => {
    await changeStudy(current.db);
    await onIdleStateChanged('idle');
    expect(await getMeta(current.db, 'paused')).toBeUndefined();
  });

  it('pauses local recording too', async () => {
    current.db = await openTasktraceDb(`test-${crypto.randomUUID()}`);
    await recordLocally(current.db, ['https://shop.example/*']);
    await setMeta(current.db, 'autoPauseMinutes', 10);
    await onIdleStateChanged('idle');
    expect(await getMeta(current.db, 'pausedReason')).toBe('idle');
  });

  it('keeps the reason of a pause already in place', async () => {
    await setPaused(current.db, true, Date.now(), 'volunteer');
    await onIdleStateChanged('idle');
    expect(await getMeta(current.db, 'pausedReason')).toBe('volunteer');
  });

  it('leaves a full disk paused for storage', async () => {
    await setStorageFull(true);
    await onIdleStateChanged('idle');
    expect(await getMeta(current.db, 'paused')).toBeUndefined();
    expect(await getMeta(current.db, 'pausedReason')).toBeUndefined();
  });

  it('records the pause but never the idle state itself', async () => {
    const now = Date.now();
    await ingestEvents(current.db, [{ draft: clickDraft({ t: now }), tabId: shop }], now);
    await onIdleStateChanged('locked');
    const events = (await storedEvents(current.db)).map((stored) => stored.event);
    expect(events.map((event) => event.kind)).toEqual(['click', 'pause']);
    expect(Object.keys(events[1]!).sort()).toEqual(['kind', 'seq', 'session', 't']);
    expect(JSON.stringify(events)).not.toMatch(/idle|locked|away/);
  });
});
