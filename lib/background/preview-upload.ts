import { getMeta } from '../db/meta';
import type { Db } from '../db/open-db';
import { SESSION_GONE } from '../db/read-review-session';
import { readAllUnsent } from '../db/read-unuploaded';
import type { UploadPreview } from '../schema';
import { MAX_BATCH_EVENTS, type UploadBatch } from '../schema';
import { buildBatch } from '../upload/build-batch';

export const NOTHING_UPLOADED_LOCALLY = 'Recording for yourself: nothing is uploaded.';

/**
 * "Show exactly what will be uploaded": the batches an upload of this session would
 * send now, built as the upload queue builds them (its unsent events in order, in runs
 * of at most the job's batch size, each cut by `buildBatch` to the collector's limits),
 * as long as the collector takes every batch.
 */
export async function previewUpload(
  db: Db,
  sessionId: string,
  extensionVersion: string,
): Promise<UploadPreview> {
  const enrollment = await getMeta(db, 'enrollment');
  if (!enrollment) throw new Error(NOTHING_UPLOADED_LOCALLY);
  const tx = db.transaction(['sessions', 'uploads', 'chunks']);
  const [session, job, stored] = await Promise.all([
    tx.objectStore('sessions').get(sessionId),
    tx.objectStore('uploads').get(sessionId),
    readAllUnsent(tx.objectStore('chunks'), sessionId),
  ]);
  await tx.done;
  if (!session) throw new Error(SESSION_GONE);
  if (session.studyId !== enrollment.study.id) {
    throw new Error('This session was not recorded for your study, so it is never uploaded.');
  }
  let maxBatch = job?.maxBatch ?? MAX_BATCH_EVENTS;
  let remaining = stored.map((entry) => entry.event);
  const batches: UploadBatch[] = [];
  while (remaining.length > 0) {
    const { batch } = buildBatch(
      remaining.slice(0, maxBatch),
      session,
      enrollment.study.id,
      extensionVersion,
    );
    batches.push(batch);
    remaining = remaining.slice(batch.events.length);
    // After a 413 the queue halved the size; each batch that gets through doubles it back.
    maxBatch = Math.min(MAX_BATCH_EVENTS, maxBatch * 2);
  }
  return {
    endpoint: new URL('/v1/uploads', enrollment.study.endpoint).href,
    events: stored.length,
    batches,
  };
}
