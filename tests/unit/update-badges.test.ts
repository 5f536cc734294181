import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Db } from '../../lib/db/open-db';

const current = vi.hoisted(() => ({ db: undefined as unknown as Db }));
vi.mock('../../lib/db/open-db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/db/open-db')>()),
  getDb: async () => current.db,
}));

const { updateBadges } = await import('../../lib/background/update-badges');
const { PAUSED_TEXT } = await import('../../lib/background/badge-for');
const { setMeta } = await import('../../lib/db/meta');
const { openTasktraceDb } = await import('../../lib/db/open-db');
const { setStorageFull } = await import('../../lib/settings/storage-full');
const { enrolledDb } = await import('./support/enrolled-db');
const { badgeOf, changeStudy, openTab, recordLocally, stubExtensionApis } = await import(
  './support/fake-extension'
);

let shop: number;
let docs: number;
let other: number;
beforeEach(async () => {
  fakeBrowser.reset();
  current.db = await enrolledDb();
  // The study lists shop.example and docs.example; the volunteer granted only the shop.
  stubExtensionApis(['https://shop.example/*']);
  shop = await openTab('https://shop.example/cart');
  docs = await openTab('https://docs.example/');
  other = await openTab('https://elsewhere.example/');
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('updating every tab’s badge', () => {
  it('says REC only on tabs whose page is allowlisted and granted', async () => {
    await updateBadges();
    expect(await badgeOf(shop)).toEqual({
      text: 'REC',
      title: 'tasktrace: recording this site',
    });
    for (const tabId of [docs, other, 0]) {
      expect(await badgeOf(tabId)).toEqual({
        text: '',
        title: 'tasktrace: this site is not in the study',
      });
    }
  });

  it('shows a pause on every tab', async () => {
    await setMeta(current.db, 'paused', true);
    await setMeta(current.db, 'pausedReason', 'idle');
    await updateBadges();
    for (const tabId of [shop, docs, other, 0]) {
      expect(await badgeOf(tabId)).toEqual({
        text: PAUSED_TEXT,
        title: 'tasktrace: paused (after you were away) — open tasktrace to resume',
      });
    }
  });

  it('shows a full disk as a pause', async () => {
    await setStorageFull(true);
    await updateBadges();
    expect((await badgeOf(shop)).title).toContain('paused (storage full)');
  });

  it('asks to review a changed study', async () => {
    await changeStudy(current.db);
    await updateBadges();
    for (const tabId of [shop, other]) expect((await badgeOf(tabId)).text).toBe('!');
  });

  it('invites joining a study when there is none', async () => {
    current.db = await openTasktraceDb(`test-${crypto.randomUUID()}`);
    await updateBadges();
    expect(await badgeOf(shop)).toEqual({
      text: '',
      title: 'tasktrace: not recording — join a study',
    });
  });

  it('uses the volunteer’s own sites when recording locally', async () => {
    current.db = await openTasktraceDb(`test-${crypto.randomUUID()}`);
    await recordLocally(current.db, ['https://shop.example/*']);
    await updateBadges();
    expect((await badgeOf(shop)).text).toBe('REC');
    expect((await badgeOf(other)).title).toBe('tasktrace: this site is not in your sites');
  });

  it('replaces a badge when the state changes', async () => {
    await updateBadges();
    expect((await badgeOf(shop)).text).toBe('REC');
    await setMeta(current.db, 'paused', true);
    await updateBadges();
    expect((await badgeOf(shop)).text).toBe(PAUSED_TEXT);
  });

  it('sets the colour along with the text', async () => {
    await updateBadges();
    // #B91C1C, as the fake browser stores it.
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: shop })).toEqual([
      185, 28, 28, 255,
    ]);
  });

  it('skips a tab that closes mid-update and still sets the others', async () => {
    const setBadgeText = fakeBrowser.action.setBadgeText.bind(fakeBrowser.action);
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(async (details) => {
      if (details.tabId === docs) throw new Error(`No tab with id: ${docs}.`);
      return setBadgeText(details);
    });
    const get = fakeBrowser.tabs.get.bind(fakeBrowser.tabs);
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (tabId) => {
      if (tabId === docs) throw new Error(`No tab with id: ${docs}.`);
      return get(tabId);
    });
    await expect(updateBadges()).resolves.toBeUndefined();
    expect((await badgeOf(shop)).text).toBe('REC');
    expect((await badgeOf(other)).title).toBe('tasktrace: this site is not in the study');
  });

  it('does not hide a failure on a tab that is still open', async () => {
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockRejectedValue(new Error('broken'));
    await expect(updateBadges()).rejects.toThrow('broken');
    // The next update is not stuck behind the failed one.
    vi.mocked(fakeBrowser.action.setBadgeText).mockRestore();
    await updateBadges();
    expect((await badgeOf(shop)).text).toBe('REC');
  });

  it('folds calls made together into one update that reads the latest state', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    const first = updateBadges();
    await setMeta(current.db, 'paused', true);
    const second = updateBadges();
    const third = updateBadges();
    await Promise.all([first, second, third]);
    expect((await badgeOf(shop)).text).toBe(PAUSED_TEXT);
    expect(query.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('never lets an older update finish last with a stale badge', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const query = fakeBrowser.tabs.query.bind(fakeBrowser.tabs);
    const slowQuery = vi.spyOn(fakeBrowser.tabs, 'query').mockImplementationOnce(async (info) => {
      await gate;
      return query(info);
    });
    // The first update has read "recording" and waits for the tab list...
    const first = updateBadges();
    await vi.waitFor(() => expect(slowQuery).toHaveBeenCalled());
    // ...while the volunteer pauses and a second update is asked for.
    await setMeta(current.db, 'paused', true);
    const second = updateBadges();
    await Promise.race([second, new Promise((resolve) => setTimeout(resolve, 50))]);
    release();
    await Promise.all([first, second]);
    expect((await badgeOf(shop)).text).toBe(PAUSED_TEXT);
  });
});
