import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Db } from '../../lib/db/open-db';
import type { PageEventDraft } from '../../lib/schema';

const current = vi.hoisted(() => ({ db: undefined as unknown as Db }));
vi.mock('../../lib/db/open-db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/db/open-db')>()),
  getDb: async () => current.db,
}));

const { drainOutbox, outboxWritten } = await import('../../lib/background/drain-outbox');
const { recorderSettingsNow } = await import('../../lib/background/recorder-settings-now');
const { ingestEvents } = await import('../../lib/db/ingest-events');
const { readReviewSession } = await import('../../lib/db/read-review-session');
const { OUTBOX_PREFIX } = await import('../../lib/messaging/recorder-outbox');
const { enrolledDb } = await import('./support/enrolled-db');
const { target } = await import('./support/make-events');
const { openTab, stubExtensionApis } = await import('./support/fake-extension');

const click = (path: string): PageEventDraft => ({
  kind: 'click',
  t: 1,
  frame: [],
  page: { origin: 'https://shop.example', path },
  target: target(),
  button: 0,
  clicks: 1,
  mods: [],
});
const ingest = (items: Parameters<typeof ingestEvents>[1]) => ingestEvents(current.db, items);

async function storedPaths(): Promise<unknown[]> {
  const id = (await current.db.get('meta', 'currentSession')) as string | undefined;
  if (!id) return [];
  return (await readReviewSession(current.db, id)).steps.map(
    (step) => 'page' in step.event && step.event.page?.path,
  );
}

beforeEach(async () => {
  fakeBrowser.reset();
  current.db = await enrolledDb();
  stubExtensionApis(['https://shop.example/*', 'https://docs.example/*']);
  // The tab in front, where the click that took its page away was made.
  await fakeBrowser.tabs.update(await openTab('https://shop.example/next'), { active: true });
});

describe('the outbox pages leave as they go away', () => {
  it('stores what a page left once, through the usual checks, and empties the outbox', async () => {
    const { v } = await recorderSettingsNow();
    const left = {
      clientId: 'client-0001',
      origin: 'https://shop.example',
      top: true,
      events: [
        { cseq: 0, v, draft: click('/products') },
        { cseq: 1, v: 'stale', draft: click('/cart') },
        {
          cseq: 2,
          v,
          draft: { ...click('/x'), page: { origin: 'https://docs.example', path: '/x' } },
        },
      ],
    };
    await fakeBrowser.storage.local.set({ [`${OUTBOX_PREFIX}client-0001`]: left });
    expect(outboxWritten({ [`${OUTBOX_PREFIX}client-0001`]: { newValue: left } })).toBe(true);
    await drainOutbox(ingest);
    // The same events again (as if their port message arrived too) are recognised.
    await fakeBrowser.storage.local.set({ [`${OUTBOX_PREFIX}client-0001`]: left });
    await drainOutbox(ingest);
    expect(await storedPaths()).toEqual(['/products']);
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).not.toContain(
      `${OUTBOX_PREFIX}client-0001`,
    );
  });

  it('removes what it cannot read', async () => {
    await fakeBrowser.storage.local.set({ [`${OUTBOX_PREFIX}junk`]: { value: 'secret' } });
    await drainOutbox(ingest);
    expect(await storedPaths()).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).not.toHaveProperty(`${OUTBOX_PREFIX}junk`);
  });
});
