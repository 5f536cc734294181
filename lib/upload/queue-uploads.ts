import type { Db } from '../db/open-db';
import type { UploadJob } from '../db/schema';
import { MAX_BATCH_EVENTS } from '../schema';

/**
 * The volunteer asked to upload: every session with events not yet sent joins the
 * queue (or only `options.session`, from review's "Upload session"). A session the
 * collector refused is queued again only by this explicit ask.
 */
export async function queueUploads(
  db: Db,
  studyId: string,
  now = Date.now(),
  options: { session?: string } = {},
): Promise<number> {
  const tx = db.transaction(['sessions', 'uploads'], 'readwrite');
  let queued = 0;
  const sessions =
    options.session === undefined
      ? await tx.objectStore('sessions').getAll()
      : [await tx.objectStore('sessions').get(options.session)];
  for (const session of sessions) {
    if (!session || session.studyId !== studyId) continue;
    const job = await tx.objectStore('uploads').get(session.id);
    const pending = session.eventCount - session.uploadedCount - (job?.quarantined.length ?? 0);
    if (pending <= 0) continue;
    const next: UploadJob = {
      session: session.id,
      status: 'queued',
      requestedAt: job?.requestedAt ?? now,
      maxBatch: job?.maxBatch ?? MAX_BATCH_EVENTS,
      error: job?.quarantined.length ? job.error : null,
      quarantined: job?.quarantined ?? [],
    };
    await tx.objectStore('uploads').put(next);
    queued += 1;
  }
  await tx.done;
  return queued;
}
