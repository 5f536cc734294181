import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteAllData } from '../../lib/db/delete-all-data';
import { exportLocalJsonl, LOCAL_PARTICIPANT } from '../../lib/db/export-local-jsonl';
import { ingestEvents } from '../../lib/db/ingest-events';
import { setMeta } from '../../lib/db/meta';
import { openTasktraceDb } from '../../lib/db/open-db';
import { eventLine } from '../../lib/schema';
import { enrolledDb } from './support/enrolled-db';
import { clickDraft } from './support/make-events';
import { countStoredEvents } from './support/stored-events';

async function localDb() {
  const db = await openTasktraceDb(`test-${crypto.randomUUID()}`);
  await setMeta(db, 'local', {
    sites: [{ match: 'https://shop.example/*', excludePaths: [] }],
    captureLevel: 'structure',
    startedAt: 0,
  });
  return db;
}

describe('recording for oneself', () => {
  it('stores sessions without a study, under the local consent', async () => {
    const db = await localDb();
    expect(await ingestEvents(db, [{ draft: clickDraft({ t: 1 }), tabId: 3 }], 1)).toEqual([
      'stored',
    ]);
    const [session] = await db.getAll('sessions');
    expect(session).toMatchObject({ studyId: null, consentVersion: 'local' });
  });

  it('exports every event as a dataset line, in session order', async () => {
    const db = await localDb();
    await ingestEvents(db, [{ draft: clickDraft({ t: 1 }), tabId: 3 }], 1_000);
    await ingestEvents(db, [{ draft: clickDraft({ t: 2 }), tabId: 3 }], 2_000);
    // A second session, after the idle limit.
    await ingestEvents(db, [{ draft: clickDraft({ t: 3 }), tabId: 3 }], 10_000_000);
    const { jsonl, lines } = await exportLocalJsonl(db, '1.2.3');
    const rows = jsonl
      .trimEnd()
      .split('\n')
      .map((line) => eventLine.parse(JSON.parse(line)));
    expect(lines).toBe(3);
    expect(rows.map((row) => row.event.t)).toEqual([1, 2, 3]);
    expect(new Set(rows.map((row) => row.session)).size).toBe(2);
    expect(rows[0]).toMatchObject({
      study: 'local',
      participant: LOCAL_PARTICIPANT,
      consentVersion: 'local',
      extensionVersion: '1.2.3',
    });
  });
});

describe('deleteAllData', () => {
  it('leaves no event, session, token or setting behind and says what it removed', async () => {
    const db = await enrolledDb();
    await ingestEvents(db, [{ draft: clickDraft({ t: 1 }), tabId: 1 }]);
    await setMeta(db, 'autoPauseMinutes', 10);
    expect(await deleteAllData(db)).toEqual({ sessions: 1, events: 1 });
    expect(await countStoredEvents(db)).toBe(0);
    expect(await db.count('sessions')).toBe(0);
    expect(await db.count('meta')).toBe(0);
  });
});
