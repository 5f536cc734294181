import 'fake-indexeddb/auto';
import { gunzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { previewUpload } from '../../lib/background/preview-upload';
import { uploadSession } from '../../lib/background/upload-session';
import { deleteSteps } from '../../lib/db/delete-steps';
import { ingestEvents } from '../../lib/db/ingest-events';
import { markUploaded } from '../../lib/db/mark-uploaded';
import { getMeta, setMeta } from '../../lib/db/meta';
import type { Db } from '../../lib/db/open-db';
import type { Enrollment, UploadBatch } from '../../lib/schema';
import { drainUploads } from '../../lib/upload/drain-uploads';
import { queueUploads } from '../../lib/upload/queue-uploads';
import { PRODUCTION_TIMING } from '../../lib/upload/upload-timing';
import { enrolledDb } from './support/enrolled-db';
import { clickDraft } from './support/make-events';

let db: Db;
let enrollment: Enrollment;

/** A collector that stores everything and remembers each batch it was sent. */
function collector(replies: Response[] = []) {
  const sent: UploadBatch[] = [];
  const fetchImpl = (async (_url: URL, init: RequestInit) => {
    sent.push(JSON.parse(gunzipSync(init.body as Uint8Array).toString('utf8')));
    return replies.shift() ?? Response.json({ accepted: 1, duplicates: 0 });
  }) as unknown as typeof fetch;
  return { sent, fetchImpl };
}
const drain = (fetchImpl: typeof fetch) =>
  drainUploads(db, enrollment, {
    timing: PRODUCTION_TIMING,
    extensionVersion: '0.1.0',
    fetchImpl,
    now: () => 1_000_000,
    random: () => 0.5,
  });

/** `count` clicks in one session, opened at `now`; returns its id. */
async function recordSession(count: number, now: number): Promise<string> {
  const items = Array.from({ length: count }, (_, t) => ({ draft: clickDraft({ t }), tabId: 1 }));
  for (let at = 0; at < items.length; at += 500) {
    await ingestEvents(db, items.slice(at, at + 500), now);
  }
  return (await getMeta(db, 'currentSession')) as string;
}

beforeEach(async () => {
  db = await enrolledDb();
  enrollment = (await getMeta(db, 'enrollment')) as Enrollment;
});

describe('previewUpload', () => {
  it('shows exactly the batches the upload then sends, after deletions and partial uploads', async () => {
    const id = await recordSession(1_203, 1_000);
    await markUploaded(db, id, [0, 1, 2]);
    await deleteSteps(db, id, [3, 700]);
    const preview = await previewUpload(db, id, '0.1.0');
    expect(preview.endpoint).toBe('https://collector.example/v1/uploads');
    expect(preview.events).toBe(1_198);
    expect(preview.batches.map((batch) => batch.events.length)).toEqual([500, 500, 198]);
    expect(preview.batches[0]?.events[0]?.seq).toBe(4);

    await queueUploads(db, 'demo');
    const { sent, fetchImpl } = collector();
    expect(await drain(fetchImpl)).toEqual({ state: 'done' });
    expect(sent).toEqual(preview.batches);
  });

  it('follows a batch size halved by the collector (413)', async () => {
    const id = await recordSession(10, 1_000);
    await queueUploads(db, 'demo');
    const job = await db.get('uploads', id);
    await db.put('uploads', { ...(job as NonNullable<typeof job>), maxBatch: 4 });
    const preview = await previewUpload(db, id, '0.1.0');
    expect(preview.batches.map((batch) => batch.events.length)).toEqual([4, 6]);
    const { sent, fetchImpl } = collector();
    await drain(fetchImpl);
    expect(sent).toEqual(preview.batches);
  });

  it('is empty when everything is uploaded, and refused without a study', async () => {
    const id = await recordSession(2, 1_000);
    await markUploaded(db, id, [0, 1]);
    expect(await previewUpload(db, id, '0.1.0')).toMatchObject({ events: 0, batches: [] });
    await db.delete('meta', 'enrollment');
    await setMeta(db, 'local', { captureLevel: 'structure', startedAt: 0, sites: [] } as never);
    await expect(previewUpload(db, id, '0.1.0')).rejects.toThrow(
      'Recording for yourself: nothing is uploaded.',
    );
  });
});

describe('uploading one session', () => {
  it('queueUploads with a session queues only that one; without, every one as before', async () => {
    const first = await recordSession(2, 1_000);
    const second = await recordSession(3, 1_000 + 2 * 60 * 60 * 1000);
    expect(await queueUploads(db, 'demo', 5, { session: second })).toBe(1);
    expect((await db.getAll('uploads')).map((job) => job.session)).toEqual([second]);
    expect(await queueUploads(db, 'demo', 5, { session: crypto.randomUUID() })).toBe(0);
    expect(await queueUploads(db, 'demo')).toBe(2);
    expect((await db.getAll('uploads')).map((job) => job.session).sort()).toEqual(
      [first, second].sort(),
    );
  });

  it('uploadSession queues the session and starts the queue, and says when nothing is left', async () => {
    const id = await recordSession(2, 1_000);
    const run = vi.fn(async () => undefined);
    expect(await uploadSession(db, id, run)).toBe(1);
    expect(run).toHaveBeenCalledOnce();
    expect((await db.get('uploads', id))?.status).toBe('queued');
    await markUploaded(db, id, [0, 1]);
    await expect(uploadSession(db, id, run)).rejects.toThrow(/already uploaded/);
    await expect(uploadSession(db, crypto.randomUUID(), run)).rejects.toThrow(
      /no longer on this computer/,
    );
  });
});
