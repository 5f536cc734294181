import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { APPEND_BELOW, MAX_CHUNK_EVENTS } from '../../lib/db/append-events';
import { deleteAllData } from '../../lib/db/delete-all-data';
import { deleteSteps } from '../../lib/db/delete-steps';
import { type IngestItem, ingestEvents } from '../../lib/db/ingest-events';
import { markUploaded } from '../../lib/db/mark-uploaded';
import { getMeta } from '../../lib/db/meta';
import type { Db } from '../../lib/db/open-db';
import { pruneSenders, SENDER_TTL_MS } from '../../lib/db/prune-senders';
import { pruneUploaded } from '../../lib/db/prune-uploaded';
import { readUnuploaded } from '../../lib/db/read-unuploaded';
import { enrolledDb } from './support/enrolled-db';
import { clickDraft } from './support/make-events';
import { storedEvents } from './support/stored-events';

let db: Db;
beforeEach(async () => {
  db = await enrolledDb();
});

/** Items from one content script, numbered `from` up to (not including) `to`. */
const items = (from: number, to: number, client = 'c1'): IngestItem[] =>
  Array.from({ length: to - from }, (_, index) => ({
    draft: clickDraft({ t: from + index }),
    tabId: 1,
    source: [client, from + index],
  }));

const chunkKeys = async () => (await db.getAllKeys('chunks')).map(([, first]) => first);
const sessionId = async () => (await getMeta(db, 'currentSession')) as string;

describe('events stored in chunks', () => {
  it('writes a large batch as a few chunks of at most the limit, counts exact', async () => {
    const outcomes = await ingestEvents(db, items(0, 1200));
    expect(outcomes.every((outcome) => outcome === 'stored')).toBe(true);
    expect(await chunkKeys()).toEqual([0, MAX_CHUNK_EVENTS, 2 * MAX_CHUNK_EVENTS]);
    const stored = await storedEvents(db);
    expect(stored.map((entry) => entry.seq)).toEqual(Array.from({ length: 1200 }, (_, i) => i));
    const session = await db.get('sessions', await sessionId());
    expect(session).toMatchObject({ nextSeq: 1200, eventCount: 1200, uploadedCount: 0 });
  });

  it('appends events arriving a few at a time to a small last chunk, then starts another', async () => {
    for (let cseq = 0; cseq < APPEND_BELOW + 20; cseq++) {
      await ingestEvents(db, items(cseq, cseq + 1));
    }
    expect(await chunkKeys()).toEqual([0, APPEND_BELOW]);
    expect((await storedEvents(db)).map((entry) => entry.seq)).toEqual(
      Array.from({ length: APPEND_BELOW + 20 }, (_, i) => i),
    );
  });

  it('starts a new chunk rather than rewrite a large last one', async () => {
    await ingestEvents(db, items(0, 200));
    await ingestEvents(db, items(200, 201));
    expect(await chunkKeys()).toEqual([0, 200]);
  });
});

describe('resends across transactions', () => {
  it('are recognised from the sender record, one record per content script', async () => {
    await ingestEvents(db, items(0, 10));
    const again = await ingestEvents(db, [...items(5, 15), ...items(0, 2, 'c2')]);
    expect(again).toEqual([...Array(5).fill('duplicate'), ...Array(7).fill('stored')]);
    expect(await db.get('senders', 'c1')).toMatchObject({ ranges: [[0, 14]] });
    expect(await db.get('senders', 'c2')).toMatchObject({ ranges: [[0, 1]] });
    expect(await storedEvents(db)).toHaveLength(17);
  });

  it('keeps gaps: numbers never stored are stored when they come', async () => {
    await ingestEvents(db, items(0, 3));
    await ingestEvents(db, items(7, 9));
    expect(await db.get('senders', 'c1')).toMatchObject({
      ranges: [
        [0, 2],
        [7, 8],
      ],
    });
    expect(await ingestEvents(db, items(2, 8))).toEqual([
      'duplicate',
      'stored',
      'stored',
      'stored',
      'stored',
      'duplicate',
    ]);
    expect(await db.get('senders', 'c1')).toMatchObject({ ranges: [[0, 8]] });
  });

  it('stay duplicates after the events were uploaded and pruned', async () => {
    await ingestEvents(db, items(0, 4));
    await markUploaded(db, await sessionId(), [0, 1, 2, 3]);
    expect(await pruneUploaded(db)).toBe(4);
    expect(await ingestEvents(db, items(0, 4))).toEqual(Array(4).fill('duplicate'));
    expect(await db.count('chunks')).toBe(0);
  });

  it('forgets senders untouched for a week, and everything on delete-all', async () => {
    await ingestEvents(db, items(0, 2, 'old'), 1_000);
    await ingestEvents(db, items(0, 2, 'new'), 1_000 + SENDER_TTL_MS);
    expect(await pruneSenders(db, 2_000 + SENDER_TTL_MS)).toBe(1);
    expect(await db.getAllKeys('senders')).toEqual(['new']);
    await deleteAllData(db);
    expect(await db.count('senders')).toBe(0);
  });
});

describe('changing events inside a chunk', () => {
  it('deletes steps from the middle and the start; the chunk keeps its key; an emptied chunk goes', async () => {
    await ingestEvents(db, items(0, 10));
    const id = await sessionId();
    await deleteSteps(db, id, [0, 3, 4]);
    expect((await storedEvents(db)).map((entry) => entry.seq)).toEqual([1, 2, 5, 6, 7, 8, 9]);
    expect(await chunkKeys()).toEqual([0]);
    expect(await db.get('sessions', id)).toMatchObject({ eventCount: 7, nextSeq: 10 });
    await deleteSteps(db, id, [1, 2, 5, 6, 7, 8, 9]);
    expect(await db.count('chunks')).toBe(0);
    // The next event does not reuse a deleted number.
    await ingestEvents(db, items(10, 11));
    expect((await storedEvents(db)).map((entry) => entry.seq)).toEqual([10]);
  });

  it('marks part of a chunk uploaded; uploads read only what is left', async () => {
    await ingestEvents(db, items(0, 10));
    const id = await sessionId();
    await markUploaded(db, id, [2, 3, 4]);
    expect((await storedEvents(db)).map((entry) => entry.uploaded)).toEqual([
      0, 0, 1, 1, 1, 0, 0, 0, 0, 0,
    ]);
    expect((await db.get('sessions', id))?.uploadedCount).toBe(3);
    expect((await readUnuploaded(db, id, 4)).map((entry) => entry.seq)).toEqual([0, 1, 5, 6]);
    await markUploaded(db, id, [0, 1, 2, 5, 6, 7, 8, 9]);
    expect((await db.get('sessions', id))?.uploadedCount).toBe(10);
    expect(await readUnuploaded(db, id, 500)).toEqual([]);
    expect((await db.getAll('chunks')).map((chunk) => chunk.unsent)).toEqual([0]);
  });

  it('marks a batch that spans chunks', async () => {
    await ingestEvents(db, items(0, 1200));
    const id = await sessionId();
    const batch = Array.from({ length: 500 }, (_, i) => 250 + i);
    await markUploaded(db, id, batch);
    const uploaded = (await storedEvents(db)).filter((entry) => entry.uploaded === 1);
    expect(uploaded.map((entry) => entry.seq)).toEqual(batch);
    expect((await readUnuploaded(db, id, 3)).map((entry) => entry.seq)).toEqual([0, 1, 2]);
  });

  it('starts a new chunk after an upload, so the uploaded chunk can be freed by a delete alone', async () => {
    await ingestEvents(db, items(0, 10));
    const id = await sessionId();
    await markUploaded(
      db,
      id,
      Array.from({ length: 10 }, (_, i) => i),
    );
    await ingestEvents(db, items(10, 13));
    expect(await chunkKeys()).toEqual([0, 10]);
    expect(await pruneUploaded(db)).toBe(10);
    expect(await chunkKeys()).toEqual([10]);
    expect((await storedEvents(db)).map((entry) => entry.seq)).toEqual([10, 11, 12]);
  });

  it('prunes uploaded events out of mixed chunks and deletes fully uploaded ones', async () => {
    await ingestEvents(db, items(0, 1000));
    const id = await sessionId();
    await markUploaded(
      db,
      id,
      Array.from({ length: 600 }, (_, i) => i),
    );
    expect(await pruneUploaded(db)).toBe(600);
    expect(await chunkKeys()).toEqual([500]);
    expect((await storedEvents(db)).map((entry) => entry.seq)).toEqual(
      Array.from({ length: 400 }, (_, i) => 600 + i),
    );
    expect(await db.get('sessions', id)).toMatchObject({ eventCount: 1000, uploadedCount: 600 });
  });
});
