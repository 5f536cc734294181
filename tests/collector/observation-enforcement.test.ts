import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ObservedNode,
  SCHEMA_VERSION,
  type StudyFile,
  type TraceEvent,
  type UploadBatch,
  uploadResponse,
} from '../../lib/schema';
import { clickEvent } from './support/events';
import { enroll, exportEvents, upload } from './support/http';
import { type LoggedApp, startLoggedApp } from './support/logged-app';
import { studyFile } from './support/studies';

// The collector holds observations (the page's interface skeleton) and actions' `at` to
// the study's terms itself, whatever the extension sent: over real HTTP, on the backend
// the test project runs (PGlite or PostgreSQL).
const allowlist = [{ match: 'https://shop.example/*', excludePaths: ['/account/*'] }];
const structure = studyFile('observe-structure', { allowlist, captureLevel: 'structure' });
const labels = studyFile('observe-labels', { allowlist, captureLevel: 'labels' });
let app: LoggedApp;

beforeAll(async () => {
  app = await startLoggedApp([structure, labels]);
});
afterAll(async () => {
  await app?.dispose();
});

/** Letters only, so no rule splits it into structural pieces (single letters, short numbers). */
const SECRET = `zq${Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
const SHOP = 'https://shop.example';

type Observation = Extract<TraceEvent, { kind: 'observation' }>;

function node(id: number, extra: Partial<ObservedNode> = {}): ObservedNode {
  return {
    id,
    parent: 0,
    after: id - 1,
    tag: 'a',
    role: 'link',
    field: null,
    box: { x: 10, y: 30 * id, w: 120, h: 24 },
    states: [],
    ...extra,
  };
}

function observation(session: string, seq: number, path: string, nodes: ObservedNode[]) {
  return {
    kind: 'observation',
    session,
    seq,
    t: 1_767_225_600_000 + seq * 250,
    tab: 0,
    frame: [],
    page: { origin: SHOP, path },
    doc: 'doc0000a',
    n: seq + 1,
    full: seq === 0,
    cause: seq === 0 ? 'load' : 'change',
    viewport: { w: 1280, h: 800 },
    scroll: { x: 0, y: 0 },
    nodes,
    removed: [],
    truncated: false,
  } satisfies Observation;
}

/**
 * The skeleton an outdated or modified extension might send: names (one of a checkbox),
 * links into an excluded section, to another origin and to a path with a word that is
 * not structural, a made-up tag and role; and a node within the terms (8).
 */
function plantedNodes(): ObservedNode[] {
  return [
    node(1, { name: `Inbox: ${SECRET}`, path: `/mail/${SECRET}` }),
    node(2, { name: 'Account', path: `/account/${SECRET}` }),
    node(3, { path: `/Account/${SECRET}` }),
    node(4, { path: `//${SECRET}.example/x` }),
    node(5, { tag: `${SECRET}-card`, role: SECRET }),
    node(6, { tag: 'input', role: 'checkbox', field: 'checkbox', name: 'Search' }),
    node(7, { tag: 'button', role: 'button', name: 'Search' }),
    node(8, { path: '/cart' }),
  ];
}

function batchOf(study: StudyFile, session: string, events: TraceEvent[]): UploadBatch {
  return {
    schemaVersion: SCHEMA_VERSION,
    study: study.id,
    consentVersion: study.consent.version,
    extensionVersion: '0.1.0',
    session: { id: session, startedAt: 1_767_225_600_000 },
    events,
  };
}

async function storedEvents(session: string): Promise<TraceEvent[]> {
  const { rows } = await app.db.query<{ body: string }>(
    'select body::text as body from events where session_id = $1 order by seq',
    [session],
  );
  return rows.map((row) => JSON.parse(row.body) as TraceEvent);
}

const nodesOf = (event: TraceEvent | undefined) =>
  (event as Observation | undefined)?.nodes.map(({ id, tag, role, name, path }) => ({
    id,
    tag,
    role,
    name,
    path,
  }));

describe('observations held to the study’s terms', () => {
  it('at level structure: strips names, drops paths outside the allowed addresses, counts each', async () => {
    const { uploadToken } = await enroll(app.url, structure);
    const session = randomUUID();
    const events: TraceEvent[] = [
      observation(session, 0, '/inbox', plantedNodes()),
      { ...clickEvent(session, 1, { page: { origin: SHOP, path: '/inbox' } }), at: atNode(1, 8) },
      // An observation and an action on an excluded page go as a whole.
      observation(session, 2, `/account/${SECRET}`, plantedNodes()),
      {
        ...clickEvent(session, 3, { page: { origin: SHOP, path: '/account/x' } }),
        at: atNode(3, 2),
      },
    ];
    const response = await upload(app.url, uploadToken, batchOf(structure, session, events));
    expect(response.status).toBe(200);
    // Names: 4 (nodes 1, 2, 6, 7); paths: 4 (nodes 1 to 4); tag and role of node 5: 2.
    expect(uploadResponse.parse(await response.json())).toEqual({
      accepted: 2,
      duplicates: 0,
      stripped: 10,
      dropped: 2,
    });

    const stored = await storedEvents(session);
    expect(stored.map((event) => event.seq)).toEqual([0, 1]);
    expect(nodesOf(stored[0])).toEqual([
      { id: 1, tag: 'a', role: 'link', name: undefined, path: '/mail/:text' },
      { id: 2, tag: 'a', role: 'link', name: undefined, path: undefined },
      { id: 3, tag: 'a', role: 'link', name: undefined, path: undefined },
      { id: 4, tag: 'a', role: 'link', name: undefined, path: undefined },
      { id: 5, tag: 'unknown', role: null, name: undefined, path: undefined },
      { id: 6, tag: 'input', role: 'checkbox', name: undefined, path: undefined },
      { id: 7, tag: 'button', role: 'button', name: undefined, path: undefined },
      { id: 8, tag: 'a', role: 'link', name: undefined, path: '/cart' },
    ]);
    // The action keeps its grounding: a document id and two numbers.
    expect(stored[1]).toMatchObject({ kind: 'click', at: atNode(1, 8) });

    const storedText = JSON.stringify(stored);
    expect(storedText).not.toContain(SECRET);
    expect(storedText).not.toMatch(/Inbox|Account|"Search"|ccount/);
    const exported = JSON.stringify(await exportEvents(app.url, app.researcherToken, structure.id));
    expect(exported).not.toContain(SECRET);
    expect(app.logLines.join('\n')).not.toContain(SECRET);
  });

  it('at level labels: scrubs names again, names no choice control, and counts it', async () => {
    const { uploadToken } = await enroll(app.url, labels);
    const session = randomUUID();
    const events: TraceEvent[] = [observation(session, 0, '/inbox', plantedNodes())];
    const response = await upload(app.url, uploadToken, batchOf(labels, session, events));
    expect(response.status).toBe(200);
    // Names: node 1 scrubbed, node 6 (a checkbox) removed; paths: 4; tag and role: 2.
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0, stripped: 8 });

    const [stored] = await storedEvents(session);
    expect(nodesOf(stored)?.map((each) => each.name)).toEqual([
      'Inbox: <text>',
      'Account',
      undefined,
      undefined,
      undefined,
      undefined,
      'Search',
      undefined,
    ]);
    expect(JSON.stringify(stored)).not.toContain(SECRET);
  });

  it('stores an observation within the terms as sent, and says nothing was removed', async () => {
    const { uploadToken } = await enroll(app.url, labels);
    const session = randomUUID();
    const within = observation(session, 0, '/products', [
      node(1, { tag: 'nav', role: 'navigation' }),
      node(2, { parent: 1, after: 0, name: 'Cart', path: '/cart' }),
      node(3, { tag: 'h1', role: 'heading', level: 1, name: 'Search results' }),
      node(4, { tag: 'table', role: 'table', rows: 3, cols: 2 }),
    ]);
    const response = await upload(app.url, uploadToken, batchOf(labels, session, [within]));
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0 });
    expect(await storedEvents(session)).toEqual([within]);
  });
});

function atNode(n: number, nodeId: number | null) {
  return { doc: 'doc0000a', n, node: nodeId };
}
