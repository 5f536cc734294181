import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Db } from '../../lib/db/open-db';
import { type StudyManifest, studyManifest } from '../../lib/schema';

const current = vi.hoisted(() => ({ db: undefined as unknown as Db }));
vi.mock('../../lib/db/open-db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/db/open-db')>()),
  getDb: async () => current.db,
}));

const { rejoinStudy } = await import('../../lib/background/rejoin-study');
const { getMeta, setMeta } = await import('../../lib/db/meta');
const { enrolledDb, testStudy } = await import('./support/enrolled-db');
const { stubExtensionApis } = await import('./support/fake-extension');

/** A collector serving `served` and enrolling anyone; it logs every request. */
function fakeCollector(served: StudyManifest) {
  const requests: string[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    requests.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    if (init?.method === 'POST') {
      return Response.json(
        { participantId: 'p_fedcba9876543210fedc', uploadToken: 'n'.repeat(43), study: served },
        { status: 201 },
      );
    }
    return Response.json(served);
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, requests };
}

beforeEach(async () => {
  fakeBrowser.reset();
  stubExtensionApis(['https://shop.example/*', 'https://docs.example/*']);
  fakeBrowser.runtime.getManifest = (() => ({ version: '1.2.3' })) as never;
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: async () => [],
    registerContentScripts: async () => undefined,
    unregisterContentScripts: async () => undefined,
  });
  current.db = await enrolledDb();
  await setMeta(current.db, 'uploadBlocked', 'The collector refused the token.' as never);
});

describe('joining again after the collector refused the token', () => {
  it('enrolls again under the same terms, with a new token', async () => {
    const { fetchImpl, requests } = fakeCollector(testStudy);
    await rejoinStudy(current.db, fetchImpl);
    expect(requests).toContain('POST /v1/studies/demo/enrollments');
    expect((await getMeta(current.db, 'enrollment'))?.participantId).toBe('p_fedcba9876543210fedc');
    expect(await getMeta(current.db, 'uploadBlocked')).toBeUndefined();
  });

  it.each([
    [
      'sites',
      { allowlist: [{ match: 'https://shop.example/*' }, { match: 'https://mail.example/*' }] },
    ],
    ['capture level', { captureLevel: 'labels' }],
    ['endpoint', { endpoint: 'https://elsewhere.example' }],
  ])('enrolls nothing when the %s changed, and waits for consent', async (_what, change) => {
    const { fetchImpl, requests } = fakeCollector(studyManifest.parse({ ...testStudy, ...change }));
    await expect(rejoinStudy(current.db, fetchImpl)).rejects.toThrow(/study changed/);
    expect(requests.filter((request) => request.startsWith('POST'))).toEqual([]);
    expect((await getMeta(current.db, 'enrollment'))?.participantId).toBe('p_0123456789abcdef0123');
    expect(await getMeta(current.db, 'reconsent')).toBeDefined();
  });
});
