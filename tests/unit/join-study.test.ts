import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { joinStudy } from '../../lib/background/join-study';
import { getMeta } from '../../lib/db/meta';
import { type Db, openTasktraceDb } from '../../lib/db/open-db';
import { type StudyManifest, studyManifest } from '../../lib/schema';
import { testStudy } from './support/enrolled-db';
import { stubExtensionApis } from './support/fake-extension';

const LINK = 'https://collector.example/v1/studies/demo';

/**
 * A collector serving `served` at the study link and answering enrollments with
 * `enrolledAs`; it logs every request it gets.
 */
function fakeCollector(served: StudyManifest, enrolledAs: StudyManifest = served) {
  const requests: string[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    requests.push(`${method} ${url.pathname}`);
    if (method === 'GET' && url.href === LINK) return Response.json(served);
    if (method === 'POST' && url.pathname === '/v1/studies/demo/enrollments') {
      return Response.json(
        { participantId: 'p_0123456789abcdef0123', uploadToken: 't'.repeat(43), study: enrolledAs },
        { status: 201 },
      );
    }
    if (method === 'DELETE' && url.pathname === '/v1/participants/me') {
      return Response.json({
        participant: 'p_0123456789abcdef0123',
        erasedAt: new Date().toISOString(),
        sessions: 0,
        events: 0,
      });
    }
    return new Response('{}', { status: 404 });
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, requests };
}

const changed = (change: Partial<StudyManifest>) =>
  studyManifest.parse({ ...testStudy, ...change });

let db: Db;
beforeEach(async () => {
  fakeBrowser.reset();
  stubExtensionApis(['https://shop.example/*', 'https://docs.example/*']);
  fakeBrowser.runtime.getManifest = (() => ({ version: '1.2.3' })) as never;
  const registered: unknown[] = [];
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: async () => registered,
    registerContentScripts: async (scripts: unknown[]) => void registered.push(...scripts),
    unregisterContentScripts: async () => void registered.splice(0),
    executeScript: async () => [],
  });
  db = await openTasktraceDb(`test-${crypto.randomUUID()}`);
});

describe('joinStudy', () => {
  it('enrolls under the terms shown when the study still reads the same', async () => {
    const collector = fakeCollector(testStudy);
    const outcome = await joinStudy(db, LINK, testStudy, collector.fetchImpl);
    expect(outcome).toEqual({
      joined: {
        studyName: 'Demo',
        recordingOn: ['https://shop.example/*', 'https://docs.example/*'],
      },
    });
    const enrollment = await getMeta(db, 'enrollment');
    expect(enrollment?.study).toEqual(testStudy);
    expect(enrollment?.consentVersion).toBe('v1');
  });

  it.each<[string, Partial<StudyManifest>, string[]]>([
    [
      'a site added',
      {
        allowlist: [...testStudy.allowlist, { match: 'https://mail.example/*', excludePaths: [] }],
      },
      ['the sites it records'],
    ],
    [
      'an excluded path dropped',
      {
        allowlist: [
          { match: 'https://shop.example/*', excludePaths: [] },
          { match: 'https://docs.example/*', excludePaths: ['/private/*'] },
        ],
      },
      ['the sites it records'],
    ],
    ['the capture level', { captureLevel: 'labels' }, ['what is recorded']],
    ['the endpoint', { endpoint: 'https://elsewhere.example' }, ['where the data goes']],
    ['the consent text', { consent: { text: 'Other words', version: 'v1' } }, ['the consent text']],
    ['the consent version', { consent: { text: 'ok', version: 'v2' } }, ['the consent text']],
    ['test id attributes', { testIdAttributes: ['data-qa'] }, ['what is recorded about pages']],
    ['route templates', { routeTemplates: ['/p/:id'] }, ['what is recorded about pages']],
    ['query keys', { queryKeys: ['page'] }, ['what is recorded about pages']],
    ['the retention', { retentionDays: 365 }, ['how long it is kept']],
    ['the researcher', { researcher: { name: 'Other', contact: 'o@x.example' } }, ['who runs it']],
    ['the name', { name: 'Other study' }, ["the study's name"]],
    ['the license', { license: 'cc0-1.0' }, ['the license its data is shared under']],
  ])('joins nothing when %s changed after it was shown', async (_what, change, changes) => {
    const current = changed(change);
    const collector = fakeCollector(current);
    const outcome = await joinStudy(db, LINK, testStudy, collector.fetchImpl);
    expect(outcome).toEqual({ changed: { study: current, changes } });
    expect(await getMeta(db, 'enrollment')).toBeUndefined();
    expect(collector.requests).toEqual(['GET /v1/studies/demo']);
    expect(await fakeBrowser.scripting.getRegisteredContentScripts()).toEqual([]);
  });

  it('joins the changed study once the volunteer agrees to it as shown again', async () => {
    const current = changed({ captureLevel: 'labels', consent: { text: 'New', version: 'v2' } });
    const collector = fakeCollector(current);
    const first = await joinStudy(db, LINK, testStudy, collector.fetchImpl);
    if (!('changed' in first)) throw new Error('expected the changed terms');
    expect(first.changed.changes).toEqual(['the consent text', 'what is recorded']);
    const second = await joinStudy(db, LINK, first.changed.study, collector.fetchImpl);
    expect('joined' in second).toBe(true);
    const enrollment = await getMeta(db, 'enrollment');
    expect(enrollment?.study.captureLevel).toBe('labels');
    expect(enrollment?.consentVersion).toBe('v2');
  });

  it('keeps no enrollment and withdraws it when the collector answers with other terms', async () => {
    const answered = changed({ allowlist: [{ match: 'https://*/*', excludePaths: [] }] });
    const collector = fakeCollector(testStudy, answered);
    const outcome = await joinStudy(db, LINK, testStudy, collector.fetchImpl);
    expect(outcome).toEqual({
      changed: {
        study: answered,
        changes: ['the sites it records'],
        note: expect.stringContaining('The enrollment it made there was withdrawn.'),
      },
    });
    expect(collector.requests).toEqual([
      'GET /v1/studies/demo',
      'POST /v1/studies/demo/enrollments',
      'DELETE /v1/participants/me',
    ]);
    expect(await getMeta(db, 'enrollment')).toBeUndefined();
    expect(await fakeBrowser.scripting.getRegisteredContentScripts()).toEqual([]);
  });
});
