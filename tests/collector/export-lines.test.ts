import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlStore } from '../../collector/db/create-sql-store';
import type { CollectedEvent as StoredEvent } from '../../collector/db/store';
import { type EnrollmentResponse, type EventLine, SCHEMA_VERSION } from '../../lib/schema';
import { clickBatch, clickEvent } from './support/events';
import { enroll, upload } from './support/http';
import { studyFile } from './support/studies';
import { startTestApp, type TestApp } from './support/test-app';

// The export splices each stored event's jsonb text into its line instead of parsing it
// and printing it again. Consumers may compare lines byte by byte, so each line must be
// exactly what the parse-and-print export wrote: JSON.stringify of the EventLine, with
// the event as the database driver parses it (keys in jsonb's order).
const study = studyFile('export-lines');
let app: TestApp;
let volunteer: EnrollmentResponse;

/** Strings that have what a naive space stripper or quote finder would get wrong. */
const TRICKY = [
  'main > ul, ol > li:nth-child(2)',
  'a[title="x, y: z"] > b',
  'ends with a backslash \\',
  'a \\" quote after a backslash, then ": " and ", "',
  'tab\tnew line\nreturn\rcontrol\u0001\u001f del\u007f',
  'é, ü: 漢字 😀 \u2028',
  '  leading and trailing spaces  ',
];

/** The line as the export wrote it before it spliced text: one JSON.stringify. */
function printedLine(row: StoredEvent, task: string | null): string {
  const line: EventLine = {
    schemaVersion: SCHEMA_VERSION,
    study: row.studyId,
    participant: row.participantId,
    session: row.sessionId,
    extensionVersion: row.extensionVersion,
    consentVersion: row.consentVersion,
    task,
    event: row.event,
  };
  return `${JSON.stringify(line)}\n`;
}

beforeAll(async () => {
  app = await startTestApp([study]);
  volunteer = await enroll(app.url, study);
});

afterAll(async () => {
  await app?.dispose();
});

describe('events export lines', () => {
  it('are byte for byte JSON.stringify of the line with the stored event', async () => {
    const batch = clickBatch({ study: study.id, consentVersion: study.consent.version });
    const session = batch.session.id;
    batch.events = TRICKY.map((selector, seq) =>
      clickEvent(session, seq, {
        target: { ...clickEvent(session, seq).target, selector, shadow: [selector, 'x'] },
        mods: seq % 2 === 0 ? ['shift', 'ctrl'] : [],
        t: Number.MAX_SAFE_INTEGER - seq,
        page: { origin: 'https://shop.example', path: `/p/${randomUUID()}` },
      }),
    );
    const uploaded = await upload(app.url, volunteer.uploadToken, batch);
    expect(uploaded.status).toBe(200);

    const response = await fetch(`${app.url}/v1/export?study=${study.id}&format=events`, {
      headers: { Authorization: `Bearer ${app.researcherToken}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    const stored = await createSqlStore(app.db).readSessionEvents(session);
    expect(stored).toHaveLength(TRICKY.length);
    expect(text).toBe(stored.map((row) => printedLine(row, null)).join(''));
  });
});
