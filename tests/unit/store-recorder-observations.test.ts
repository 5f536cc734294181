import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Db } from '../../lib/db/open-db';
import type { CaptureLevel, ObservedNode, PageEventDraft, SentNode } from '../../lib/schema';

// The background holds observations (and actions' `at`) to the study's terms before
// anything reaches IndexedDB, whatever the recorder sent: a stale or modified recorder
// must not store page text, other sites' links or excluded addresses.

const current = vi.hoisted(() => ({ db: undefined as unknown as Db }));
vi.mock('../../lib/db/open-db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/db/open-db')>()),
  getDb: async () => current.db,
}));

const { acceptRecorderPort } = await import('../../lib/background/accept-recorder-port');
const { recorderSettingsNow } = await import('../../lib/background/recorder-settings-now');
const { ingestEvents } = await import('../../lib/db/ingest-events');
const { setMeta } = await import('../../lib/db/meta');
const { enrolledDb, testStudy } = await import('./support/enrolled-db');
const { stubExtensionApis } = await import('./support/fake-extension');
const { target } = await import('./support/make-events');
const { node, SHOP_NODES } = await import('./support/make-observations');
const { storedEvents } = await import('./support/stored-events');

const SHOP = 'https://shop.example';
/** Letters only, so no rule splits it into structural pieces (single letters, short numbers). */
const SECRET = `zq${Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;

type ObservationDraft = Extract<PageEventDraft, { kind: 'observation' }>;

function observed(path: string, nodes: ObservedNode[], n = 1): ObservationDraft {
  return {
    kind: 'observation',
    t: 1,
    frame: [],
    page: { origin: SHOP, path },
    doc: 'doc0000a',
    n,
    full: n === 1,
    cause: n === 1 ? 'load' : 'change',
    viewport: { w: 1280, h: 720 },
    scroll: { x: 0, y: 0 },
    nodes,
    removed: [],
    truncated: false,
  };
}

const grounded = (path: string, node: number | null): PageEventDraft => ({
  kind: 'click',
  t: 2,
  frame: [],
  page: { origin: SHOP, path },
  target: target(),
  at: { doc: 'doc0000a', n: 1, node },
  button: 0,
  clicks: 1,
  mods: [],
});

/** The nodes a stale or modified recorder might send: the secret in every string it can reach. */
const planted = (): ObservedNode[] => [
  node(1, 0, 0, { tag: 'a', role: 'link', name: `Inbox: ${SECRET}`, path: `/mail/${SECRET}` }),
  node(2, 0, 1, { tag: 'a', role: 'link', name: 'Account', path: `/account/${SECRET}` }),
  node(3, 0, 2, { tag: 'a', role: 'link', name: 'Account', path: `/%61ccount/${SECRET}` }),
  node(4, 0, 3, { tag: 'a', role: 'link', name: 'Elsewhere', path: `//${SECRET}.example/x` }),
  node(5, 0, 4, { tag: `${SECRET}-card`, role: SECRET }),
  node(6, 0, 5, { tag: 'input', role: 'checkbox', field: 'checkbox', name: 'Search' }),
  node(7, 0, 6, { name: 'Search' }),
];

type Listener = (message: unknown) => void;

/** A recorder's port as the background sees it, opened by the top frame of a shop tab. */
function openPort(url = `${SHOP}/start`) {
  const listeners: Listener[] = [];
  const answers: unknown[] = [];
  const port = {
    name: 'recorder',
    sender: { id: fakeBrowser.runtime.id, url, frameId: 0, tab: { id: 7, url, incognito: false } },
    onMessage: { addListener: (listener: Listener) => listeners.push(listener) },
    onDisconnect: { addListener: () => undefined },
    postMessage: (answer: unknown) => answers.push(answer),
    disconnect: vi.fn(),
  };
  const ingest = (items: Parameters<typeof ingestEvents>[1]) => ingestEvents(current.db, items);
  acceptRecorderPort(port as never, fakeBrowser.runtime.id, ingest);
  let cseq = 0;
  return {
    async send(events: PageEventDraft[]) {
      const version = (await recorderSettingsNow()).v;
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

async function joinAt(captureLevel: CaptureLevel): Promise<void> {
  current.db = await enrolledDb();
  stubExtensionApis(['https://shop.example/*', 'https://docs.example/*']);
  await setMeta(current.db, 'enrollment', {
    ...((await current.db.get('meta', 'enrollment')) as object),
    study: {
      ...testStudy,
      captureLevel,
      allowlist: [{ match: `${SHOP}/*`, excludePaths: ['/account/*'] }],
    },
  } as never);
}

/** Everything in the extension's IndexedDB, every store, as text. */
async function everythingStored(): Promise<string> {
  const stores: Record<string, unknown[]> = {};
  for (const name of current.db.objectStoreNames) {
    stores[name] = await current.db.getAll(name as never);
  }
  return JSON.stringify(stores);
}

async function storedNodes(): Promise<SentNode[][]> {
  return (await storedEvents(current.db)).flatMap(({ event }) =>
    event.kind === 'observation' ? [event.nodes] : [],
  );
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('observations, checked by the background before they are stored', () => {
  it('at level structure: no name, no path outside the allowed addresses, no made-up tag', async () => {
    await joinAt('structure');
    const answer = await openPort().send([observed('/inbox', planted())]);
    expect(answer.acked).toHaveLength(1);

    const [nodes] = await storedNodes();
    expect(nodes?.map(({ id, tag, role, name, path }) => ({ id, tag, role, name, path }))).toEqual([
      { id: 1, tag: 'a', role: 'link', name: undefined, path: '/mail/:text' },
      { id: 2, tag: 'a', role: 'link', name: undefined, path: undefined },
      { id: 3, tag: 'a', role: 'link', name: undefined, path: undefined },
      { id: 4, tag: 'a', role: 'link', name: undefined, path: undefined },
      { id: 5, tag: 'unknown', role: null, name: undefined, path: undefined },
      { id: 6, tag: 'input', role: 'checkbox', name: undefined, path: undefined },
      { id: 7, tag: 'button', role: 'button', name: undefined, path: undefined },
    ]);
    const everything = await everythingStored();
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toMatch(/Inbox|Account|Elsewhere|"Search"/);
  });

  it('at level labels: names scrubbed again, none for choice controls', async () => {
    await joinAt('labels');
    await openPort().send([observed('/inbox', planted())]);

    const [nodes] = await storedNodes();
    expect(nodes?.map((each) => each.name)).toEqual([
      'Inbox: <text>',
      'Account',
      'Account',
      '<text>',
      undefined,
      undefined,
      'Search',
    ]);
    expect(nodes?.map((each) => each.path)).toEqual([
      '/mail/:text',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(await everythingStored()).not.toContain(SECRET);
  });

  it('stores an observation within the terms as the recorder sent it', async () => {
    await joinAt('structure');
    const sent = observed('/products', SHOP_NODES);
    await openPort().send([sent]);
    const [stored] = await storedEvents(current.db);
    expect(stored?.event).toMatchObject({ ...sent, page: { origin: SHOP, path: '/products' } });
  });

  it('drops an observation, and an action grounded in one, on an excluded page', async () => {
    await joinAt('structure');
    const answer = await openPort().send([
      observed('/products', SHOP_NODES),
      grounded('/products', 9),
      observed(`/account/${SECRET}`, SHOP_NODES, 2),
      observed('/Account/orders', SHOP_NODES, 3),
      grounded('/account/orders', 9),
      grounded('/products', null),
    ]);
    expect(answer.acked).toHaveLength(6);
    const events = (await storedEvents(current.db)).map(({ event }) => event);
    expect(events.map((event) => [event.kind, 'at' in event ? event.at : undefined])).toEqual([
      ['observation', undefined],
      ['click', { doc: 'doc0000a', n: 1, node: 9 }],
      ['click', { doc: 'doc0000a', n: 1, node: null }],
    ]);
    expect(await everythingStored()).not.toContain(SECRET);
    // (The study's own excluded path is in the stored enrollment: look at events only.)
    expect(JSON.stringify(events)).not.toMatch(/ccount/i);
  });
});
