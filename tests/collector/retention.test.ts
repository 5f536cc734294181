import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogFields } from '../../collector/common/log';
import { createSqlStore } from '../../collector/db/create-sql-store';
import { sweepRetention } from '../../collector/sweep-retention';
import { call } from './support/annotation';
import { clickBatch } from './support/events';
import { enroll, exportEvents, upload } from './support/http';
import { studyFile } from './support/studies';
import { startTestApp, type TestApp } from './support/test-app';

const kept = studyFile('retention', { retentionDays: 30 });
const other = studyFile('longer', { retentionDays: 365 });
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp([kept, other]);
});
afterAll(async () => {
  await app?.dispose();
});

const count = async (sql: string, params: unknown[] = []) =>
  Number((await app.db.query<{ n: string }>(sql, params)).rows[0]?.n);

describe('retention', () => {
  it("deletes the sessions older than their study's retention, with their events and tasks", async () => {
    const volunteer = await enroll(app.url, kept);
    const old = clickBatch({ study: kept.id, consentVersion: kept.consent.version, count: 4 });
    const recent = clickBatch({ study: kept.id, consentVersion: kept.consent.version, count: 3 });
    await upload(app.url, volunteer.uploadToken, old);
    await upload(app.url, volunteer.uploadToken, recent);
    const saved = await call(
      `${app.url}/v1/sessions/${old.session.id}/tasks`,
      volunteer.uploadToken,
      {
        method: 'PUT',
        body: { version: 0, tasks: [{ start: 0, end: 3, goal: 'Buy a lamp', outcome: 'done' }] },
      },
    );
    expect(saved.status).toBe(200);
    // The other study keeps data for a year: a session as old stays.
    const elsewhere = await enroll(app.url, other);
    const longer = clickBatch({ study: other.id, consentVersion: other.consent.version, count: 2 });
    await upload(app.url, elsewhere.uploadToken, longer);
    await app.db.query(
      `update sessions set first_seen = now() - interval '31 days' where id = any($1::text[])`,
      [[old.session.id, longer.session.id]],
    );

    const lines: { msg: string; fields: LogFields | undefined }[] = [];
    await sweepRetention(createSqlStore(app.db), [kept, other], (_level, msg, fields) =>
      lines.push({ msg, fields }),
    );

    expect(await count('select count(*) as n from sessions where id = $1', [old.session.id])).toBe(
      0,
    );
    expect(
      await count('select count(*) as n from events where session_id = $1', [old.session.id]),
    ).toBe(0);
    expect(
      await count('select count(*) as n from session_tasks where session_id = $1', [
        old.session.id,
      ]),
    ).toBe(0);
    expect(
      await count('select count(*) as n from events where session_id = $1', [recent.session.id]),
    ).toBe(3);
    expect(
      await count('select count(*) as n from events where session_id = $1', [longer.session.id]),
    ).toBe(2);
    expect(lines).toEqual([
      {
        msg: 'retention: deleted expired sessions',
        fields: { study: kept.id, retentionDays: 30, sessions: 1, events: 4 },
      },
    ]);
    const exported = (await exportEvents(app.url, app.researcherToken, kept.id)) as {
      session: string;
    }[];
    expect(exported.map((line) => line.session)).toEqual(Array(3).fill(recent.session.id));

    // A second sweep finds nothing more and says nothing.
    lines.length = 0;
    await sweepRetention(createSqlStore(app.db), [kept, other], (_level, msg, fields) =>
      lines.push({ msg, fields }),
    );
    expect(lines).toEqual([]);
  });
});
