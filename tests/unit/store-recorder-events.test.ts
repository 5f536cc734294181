import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Db } from '../../lib/db/open-db';
import type { PageEventDraft, TraceEvent } from '../../lib/schema';

const current = vi.hoisted(() => ({ db: undefined as unknown as Db }));
vi.mock('../../lib/db/open-db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/db/open-db')>()),
  getDb: async () => current.db,
}));

const { acceptRecorderPort } = await import('../../lib/background/accept-recorder-port');
const { recorderSettingsNow } = await import('../../lib/background/recorder-settings-now');
const { ingestEvents } = await import('../../lib/db/ingest-events');
const { BEFORE_SETTINGS } = await import('../../lib/messaging/recorder-settings');
const { setMeta } = await import('../../lib/db/meta');
const { readReviewSession } = await import('../../lib/db/read-review-session');
const { setPaused } = await import('../../lib/db/set-paused');
const { enrolledDb, testStudy } = await import('./support/enrolled-db');
const { stubExtensionApis } = await import('./support/fake-extension');
const { target: makeTarget } = await import('./support/make-events');

const SHOP = 'https://shop.example';
const target = makeTarget({ selector: '[data-testid="go"]', box: { x: 1, y: 2, w: 3, h: 4 } });
const click = (path: string, extra: object = {}): PageEventDraft => ({
  kind: 'click',
  t: 1,
  frame: [],
  page: { origin: SHOP, path },
  target: { ...target, ...extra },
  button: 0,
  clicks: 1,
  mods: [],
});
const moved = (path: string): PageEventDraft => ({
  kind: 'history',
  t: 1,
  frame: [],
  page: { origin: SHOP, path },
  method: 'push',
});

type Listener = (message: unknown) => void;

/** A recorder's port as the background sees it, opened by a frame of a shop tab. */
function openPort(frameId = 0, url = `${SHOP}/start`) {
  const listeners: Listener[] = [];
  const answers: unknown[] = [];
  const port = {
    name: 'recorder',
    sender: { id: fakeBrowser.runtime.id, url, frameId, tab: { id: 7, url, incognito: false } },
    onMessage: { addListener: (listener: Listener) => listeners.push(listener) },
    onDisconnect: { addListener: () => undefined },
    postMessage: (answer: unknown) => answers.push(answer),
    disconnect: vi.fn(),
  };
  const ingest = (items: Parameters<typeof ingestEvents>[1]) => ingestEvents(current.db, items);
  acceptRecorderPort(port as never, fakeBrowser.runtime.id, ingest);
  let cseq = 0;
  return {
    async send(events: PageEventDraft[], v?: string) {
      const version = v ?? (await recorderSettingsNow()).v;
      const before = answers.length;
      const message = {
        type: 'recorder/events',
        clientId: 'client-0001',
        events: events.map((draft) => ({ cseq: cseq++, v: version, draft })),
      };
      for (const listener of listeners) listener(JSON.stringify(message));
      await vi.waitFor(() => expect(answers.length).toBe(before + 1));
      return answers.at(-1) as { acked: number[] };
    },
  };
}

async function stored(): Promise<TraceEvent[]> {
  const id = (await current.db.get('meta', 'currentSession')) as string | undefined;
  if (!id) return [];
  return (await readReviewSession(current.db, id)).steps.map((step) => step.event);
}

beforeEach(async () => {
  fakeBrowser.reset();
  current.db = await enrolledDb();
  stubExtensionApis(['https://shop.example/*', 'https://docs.example/*']);
  await setMeta(current.db, 'enrollment', {
    ...((await current.db.get('meta', 'enrollment')) as object),
    study: {
      ...testStudy,
      testIdAttributes: ['data-testid'],
      allowlist: [{ match: `${SHOP}/*`, excludePaths: ['/account/*', '/archive/2024/*'] }],
    },
  } as never);
});

describe('the recorder port checks every event on its own page', () => {
  it('stores nothing from an excluded path reached without a load, and acknowledges it all', async () => {
    const port = openPort();
    const answer = await port.send([
      click('/products'),
      moved('/account/settings'),
      click('/account/settings'),
      click('/Account/x'),
      click('/%61ccount/x'),
      click('//account/./x/'),
      // A placeholder may stand for an excluded segment that is not a structural word…
      click('/archive/:id/x'),
      // …but not for one the scrubber would have kept as it is.
      click('/:text/x'),
      moved('/products/cart'),
      click('/products/shoes'),
    ]);
    expect(answer.acked).toHaveLength(10);
    const paths = (await stored()).map((event) => 'page' in event && event.page?.path);
    // A segment that is not structural is replaced, should a recorder have kept it.
    expect(paths).toEqual(['/products', '/:text/x', '/products/cart', '/products/:text']);
  });

  it('drops events made under other settings than those in force', async () => {
    const port = openPort();
    await port.send([click('/a')], 'stale0');
    await port.send([click('/b')]);
    expect((await stored()).map((event) => 'page' in event && event.page?.path)).toEqual(['/b']);
  });

  it('keeps what a page made before it read its settings only where a placeholder cannot hide an excluded path', async () => {
    const port = openPort();
    // Scrubbed without the study's words: `:text` may stand for `account` here…
    await port.send([click('/:text/x'), click('/:text')], BEFORE_SETTINGS);
    // …but not where the first segment is kept, nor once scrubbed with the words.
    await port.send([click('/123/:text')], BEFORE_SETTINGS);
    await port.send([click('/:text/y')]);
    expect((await stored()).map((event) => 'page' in event && event.page?.path)).toEqual([
      '/123/:text',
      '/:text/y',
    ]);
  });

  it('strips names and labels the capture level does not allow', async () => {
    const port = openPort();
    await port.send([click('/a', { name: 'Alice Smith', label: 'Patient' })]);
    const [event] = await stored();
    expect(event).toMatchObject({ kind: 'click', target: { selector: target.selector } });
    expect(JSON.stringify(event)).not.toMatch(/Alice|Patient/);
  });

  it('keeps only the query keys and test-id attributes the study names', async () => {
    const port = openPort();
    await port.send([
      { ...click('/a'), page: { origin: SHOP, path: '/a', queryKeys: ['q'] } },
      click('/b', { selector: '[data-user="alice"]' }),
    ]);
    const events = await stored();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ page: { origin: SHOP, path: '/a' } });
    expect(JSON.stringify(events)).not.toMatch(/queryKeys|alice/);
  });

  it('drops events claiming another origin than the frame’s, or while paused', async () => {
    const port = openPort();
    await port.send([{ ...click('/a'), page: { origin: 'https://docs.example', path: '/a' } }]);
    await setPaused(current.db, true);
    await port.send([click('/b')]);
    expect(await stored()).toEqual([]);
  });

  it('checks a frame’s top page as it is now, not as it was when the port opened', async () => {
    const tab = await fakeBrowser.tabs.create({ url: `${SHOP}/start` });
    const port = openPort(3);
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({
      ...tab,
      id: 7,
      url: `${SHOP}/account/orders`,
    } as never);
    await port.send([click('/frame')]);
    expect(await stored()).toEqual([]);
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({
      ...tab,
      id: 7,
      url: `${SHOP}/products`,
    } as never);
    await port.send([click('/frame')]);
    expect(await stored()).toHaveLength(1);
  });
});
