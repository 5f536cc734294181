import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionDetail, sessionsPage, sessionTasks, studyList, studyStats } from '../../lib/schema';
import { call } from './support/annotation';
import { enroll, upload } from './support/http';
import { studyFile } from './support/studies';
import { eventsBatch, scriptedEvents } from './support/tasks';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The collector's web pages read every answer with its route's schema and refuse any
 * other shape: each answer they ask for must parse, strictly, with that schema.
 */
const study = studyFile('answers', { name: 'Answers shop' });
let app: TestApp;
let session: string;

beforeAll(async () => {
  app = await startTestApp([study]);
  const volunteer = await enroll(app.url, study);
  session = randomUUID();
  const sent = await upload(
    app.url,
    volunteer.uploadToken,
    eventsBatch(study, session, scriptedEvents(session, 'scce')),
  );
  expect(sent.status).toBe(200);
});

afterAll(async () => {
  await app?.dispose();
});

async function answer(path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await call(`${app.url}${path}`, app.researcherToken, init);
  expect(response.status).toBe(200);
  return response.json();
}

describe('what the staff pages read', () => {
  it('parses with the schema of each route the pages call', async () => {
    expect(studyList.parse(await answer('/v1/studies')).studies).toEqual([
      { id: study.id, name: 'Answers shop' },
    ]);
    const stats = studyStats.parse(await answer(`/v1/stats?study=${study.id}`));
    expect(stats.eventsPerDay).toEqual([{ day: '2026-01-01', events: 4 }]);
    const page = sessionsPage.parse(await answer(`/v1/sessions?study=${study.id}&limit=20`));
    expect(page.sessions.map((s) => s.id)).toEqual([session]);
    const detail = sessionDetail.parse(await answer(`/v1/sessions/${session}`));
    expect(detail.volunteer.tasks).toHaveLength(1);
    const saved = sessionTasks.parse(
      await answer(`/v1/sessions/${session}/tasks`, {
        method: 'PUT',
        body: { version: 0, tasks: [{ start: 0, end: 3, goal: 'Buy a lamp', outcome: 'done' }] },
      }),
    );
    expect(saved).toMatchObject({ session, by: 'annotator', version: 1 });
  });
});
