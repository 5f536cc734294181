import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Db } from '../../lib/db/open-db';

const current = vi.hoisted(() => ({ db: undefined as unknown as Db }));
vi.mock('../../lib/db/open-db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/db/open-db')>()),
  getDb: async () => current.db,
}));

const { RECORDER_SETTINGS_KEY } = await import('../../lib/messaging/recorder-settings');
const { toggleRecording } = await import('../../lib/background/toggle-recording');
const { PAUSED_TEXT } = await import('../../lib/background/badge-for');
const { getMeta } = await import('../../lib/db/meta');
const { openTasktraceDb } = await import('../../lib/db/open-db');
const { setPaused } = await import('../../lib/db/set-paused');
const { isStorageFull, setStorageFull } = await import('../../lib/settings/storage-full');
const { enrolledDb } = await import('./support/enrolled-db');
const { badgeOf, changeStudy, openTab, recordLocally, stubExtensionApis } = await import(
  './support/fake-extension'
);

const EXTENSION = 'chrome-extension://test-extension-id';

let shop: number;
beforeEach(async () => {
  fakeBrowser.reset();
  current.db = await enrolledDb();
  stubExtensionApis(['https://shop.example/*']);
  shop = await openTab('https://shop.example/cart');
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** What every open recorder reads and hears change. */
const publishedSettings = async () =>
  (await fakeBrowser.storage.local.get(RECORDER_SETTINGS_KEY))[RECORDER_SETTINGS_KEY];

const openUrls = async () => (await fakeBrowser.tabs.query({})).map((tab) => tab.url);

describe('the pause/resume keyboard command', () => {
  it('pauses, tells every recorder, and shows the pause on the badge', async () => {
    await toggleRecording();
    expect(await getMeta(current.db, 'paused')).toBe(true);
    expect(await getMeta(current.db, 'pausedReason')).toBe('volunteer');
    expect(await publishedSettings()).toMatchObject({ record: false });
    expect(await badgeOf(shop)).toEqual({
      text: PAUSED_TEXT,
      title: 'tasktrace: paused (by you) — open tasktrace to resume',
    });
  });

  it('resumes when pressed again', async () => {
    await toggleRecording();
    await toggleRecording();
    expect(await getMeta(current.db, 'paused')).toBe(false);
    expect(await publishedSettings()).toMatchObject({ record: true });
    expect((await badgeOf(shop)).text).toBe('REC');
  });

  it('resumes an auto-pause', async () => {
    await setPaused(current.db, true, Date.now(), 'idle');
    await toggleRecording();
    expect(await getMeta(current.db, 'paused')).toBe(false);
    expect((await badgeOf(shop)).text).toBe('REC');
  });

  it('resumes after a full disk as the popup does, clearing the storage-full flag', async () => {
    await setStorageFull(true);
    await setPaused(current.db, true, Date.now(), 'quota');
    await toggleRecording();
    expect(await getMeta(current.db, 'paused')).toBe(false);
    expect(await isStorageFull()).toBe(false);
    expect((await badgeOf(shop)).text).toBe('REC');
  });

  it('reads a full disk as paused even if its pause flag never got written', async () => {
    await setStorageFull(true);
    await toggleRecording();
    expect(await isStorageFull()).toBe(false);
    expect(await getMeta(current.db, 'paused')).toBe(false);
  });

  it('works the same when recording locally', async () => {
    current.db = await openTasktraceDb(`test-${crypto.randomUUID()}`);
    await recordLocally(current.db, ['https://shop.example/*']);
    await toggleRecording();
    expect(await getMeta(current.db, 'paused')).toBe(true);
    expect((await badgeOf(shop)).text).toBe(PAUSED_TEXT);
  });

  it('opens onboarding when there is no study and no local recording, and changes nothing', async () => {
    current.db = await openTasktraceDb(`test-${crypto.randomUUID()}`);
    await toggleRecording();
    expect(await openUrls()).toContain(`${EXTENSION}/onboarding.html`);
    expect(await current.db.getAllKeys('meta')).toEqual([]);
    expect(await publishedSettings()).toBeUndefined();
  });

  it('opens the options page when a changed study awaits consent, and changes nothing', async () => {
    await changeStudy(current.db);
    await toggleRecording();
    const urls = await openUrls();
    expect(urls).toContain(`${EXTENSION}/options.html`);
    expect(urls).not.toContain(`${EXTENSION}/onboarding.html`);
    expect(await getMeta(current.db, 'paused')).toBeUndefined();
    expect(await publishedSettings()).toBeUndefined();
  });
});
