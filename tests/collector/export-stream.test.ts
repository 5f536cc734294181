import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../collector/app';
import { EXPORT_PAGE_ROWS } from '../../collector/common/limits';
import type { ExportEvent, Store } from '../../collector/db/store';
import type { Study } from '../../collector/studies/load-studies';
import { apiError } from '../../lib/schema';
import { clickEvent } from './support/events';

// The app over real HTTP with a scripted store: how failures mid-export reach the client.
const researcherToken = 'test-researcher-token-0123456789';
const servers: Server[] = [];

afterEach(() => {
  vi.restoreAllMocks();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function serveWithPages(pages: Array<ExportEvent[] | Error>) {
  const calls: unknown[] = [];
  const store: Store = {
    createParticipant: async () => {},
    findParticipantByTokenHash: async () => undefined,
    addConsent: async () => {},
    claimSession: async () => 'p_unused',
    insertEvents: async () => 0,
    insertSessionEvents: async () => ({ owner: undefined, accepted: 0 }),
    claimIdempotencyKey: async () => ({ kind: 'claimed' }),
    completeIdempotencyKey: async () => {},
    releaseIdempotencyKey: async () => {},
    eraseParticipant: async () => ({ sessions: 0, events: 0 }),
    deleteExpiredSessions: async () => ({ sessions: 0, events: 0 }),
    createStaffToken: async () => {},
    listStaffTokens: async () => [],
    findStaffTokenByHash: async () => undefined,
    revokeStaffToken: async () => 'unknown',
    listSessions: async () => [],
    findSession: async () => undefined,
    readSessionEvents: async () => [],
    readSessionTasks: async () => new Map(),
    findPresentSeqs: async () => new Set(),
    saveSessionTasks: async () => ({ kind: 'gone' }),
    readSessionsPage: async () => [],
    readStudyStats: async () => ({
      participants: 0,
      sessions: 0,
      events: 0,
      annotatedSessions: 0,
      eventsPerDay: [],
    }),
    readEventsPage: async () => [],
    readExportSessionsPage: async () => [],
    readExportFigures: async () => ({
      participants: 0,
      sessions: 0,
      events: 0,
      episodes: 0,
      annotatorEpisodes: 0,
      annotatedSessions: 0,
      firstEventAt: null,
      lastEventAt: null,
      labelledEvents: 0,
      consentVersions: [],
      extensionVersions: [],
    }),
    async readExportEventsPage(_selection, after) {
      calls.push(after);
      const page = pages.shift() ?? [];
      if (page instanceof Error) throw page;
      return page;
    },
  };
  const studies = new Map([['demo', { id: 'demo' } as Study]]);
  const app = createApp({ store, studies, researcherToken, publicUrl: () => 'http://127.0.0.1:1' });
  const server = createServer(getRequestListener(app.fetch));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const request = () =>
    fetch(`http://127.0.0.1:${port}/v1/export?study=demo&format=events`, {
      headers: { Authorization: `Bearer ${researcherToken}` },
    });
  return { request, calls };
}

function rows(count: number, participantId: string): ExportEvent[] {
  const session = randomUUID();
  return Array.from({ length: count }, (_, seq) => ({
    participantId,
    sessionId: session,
    seq,
    studyId: 'demo',
    extensionVersion: '0.1.0',
    consentVersion: '2026-01',
    kind: 'click',
    eventJson: JSON.stringify(clickEvent(session, seq)),
  }));
}

describe('export stream', () => {
  it('asks for each page after the last row of the previous one', async () => {
    const first = rows(EXPORT_PAGE_ROWS, 'p_aaaaaaaaaaaaaaaaaaaaaaaa');
    const { request, calls } = await serveWithPages([first, rows(3, 'p_bbbbbbbbbbbbbbbbbbbbbbbb')]);
    const text = await (await request()).text();
    expect(text.split('\n').filter(Boolean)).toHaveLength(EXPORT_PAGE_ROWS + 3);
    expect(calls).toEqual([undefined, first.at(-1)]);
  });

  it('answers 500 when the first page fails', async () => {
    const { request } = await serveWithPages([new Error('database down')]);
    const response = await request();
    expect(response.status).toBe(500);
    expect(apiError.parse(await response.json()).error).toBe('internal');
  });

  it('cuts the connection when a later page fails, so a partial export cannot pass as complete', async () => {
    // @hono/node-server reports the failed stream on the console; expected here.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { request } = await serveWithPages([
      rows(EXPORT_PAGE_ROWS, 'p_aaaaaaaaaaaaaaaaaaaaaaaa'),
      new Error('database gone'),
    ]);
    const response = await request();
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });
});
