import { markUploaded } from '../db/mark-uploaded';
import { getMeta, setMeta } from '../db/meta';
import type { Db } from '../db/open-db';
import { readUnuploaded } from '../db/read-unuploaded';
import type { UploadJob } from '../db/schema';
import { type Enrollment, MAX_BATCH_EVENTS } from '../schema';
import { backoffMs } from './backoff';
import { buildBatch } from './build-batch';
import { quarantineEvent } from './quarantine-event';
import { sendBatch } from './send-batch';
import type { UploadTiming } from './upload-timing';

export type DrainResult =
  | { state: 'done' }
  /** Nothing more before `at`; the caller schedules a wake-up. */
  | { state: 'waiting'; at: number }
  | { state: 'blocked' };

export type DrainDeps = {
  timing: UploadTiming;
  extensionVersion: string;
  fetchImpl?: typeof fetch;
  now?: () => number;
  random?: () => number;
};

/**
 * Works through the upload queue, one batch at a time, oldest session first. Every
 * step is written to IndexedDB before the next request, so a worker stopped at any
 * point resumes where it was; the idempotency key makes a resent batch harmless.
 * Nothing is ever dropped: a failure waits and retries, or waits for the volunteer.
 */
export async function drainUploads(
  db: Db,
  enrollment: Enrollment,
  deps: DrainDeps,
): Promise<DrainResult> {
  const now = deps.now ?? Date.now;
  if (await getMeta(db, 'uploadBlocked')) return { state: 'blocked' };
  const retryAt = (await getMeta(db, 'uploadRetryAt')) ?? 0;
  if (retryAt > now()) return { state: 'waiting', at: retryAt };

  const jobs = (await db.getAll('uploads'))
    .filter((job) => job.status === 'queued' || job.status === 'uploading')
    .sort((a, b) => a.requestedAt - b.requestedAt);
  for (const queued of jobs) {
    const job: UploadJob = { ...queued, status: 'uploading' };
    await db.put('uploads', job);
    for (;;) {
      const session = await db.get('sessions', job.session);
      const stored = session ? await readUnuploaded(db, job.session, job.maxBatch) : [];
      if (!session || stored.length === 0) {
        await db.put('uploads', { ...(await currentJob(db, job)), status: 'uploaded' });
        break;
      }
      const { batch, body } = buildBatch(
        stored.map((entry) => entry.event),
        session,
        enrollment.study.id,
        deps.extensionVersion,
      );
      const first = batch.events[0]?.seq ?? 0;
      const last = batch.events.at(-1)?.seq ?? first;
      const outcome = await sendBatch(
        {
          endpoint: enrollment.study.endpoint,
          token: enrollment.uploadToken,
          body,
          keyPrefix: `${job.session}:${first}-${last}`,
        },
        deps.timing,
        deps.fetchImpl,
      );
      if (outcome.kind === 'stored') {
        await markUploaded(
          db,
          job.session,
          batch.events.map((event) => event.seq),
        );
        if (job.maxBatch < MAX_BATCH_EVENTS) {
          // A batch got through: grow back towards full size, as after any 413.
          job.maxBatch = Math.min(MAX_BATCH_EVENTS, job.maxBatch * 2);
          await db.put('uploads', { ...(await currentJob(db, job)), maxBatch: job.maxBatch });
        }
        await setMeta(db, 'uploadAttempts', 0);
        await db.delete('meta', 'uploadError');
        continue;
      }
      if (outcome.kind === 'too-large') {
        if (batch.events.length > 1) {
          job.maxBatch = Math.max(1, Math.floor(batch.events.length / 2));
          await db.put('uploads', { ...(await currentJob(db, job)), maxBatch: job.maxBatch });
        } else {
          await quarantineEvent(db, job.session, first);
        }
        continue;
      }
      if (outcome.kind === 'rejected') {
        await db.put('uploads', {
          ...(await currentJob(db, job)),
          status: 'failed',
          error: `The collector refused this session (${outcome.message}). Nothing was lost; it stays on this computer.`,
        });
        break;
      }
      if (outcome.kind === 'unauthorized') {
        await setMeta(
          db,
          'uploadBlocked',
          `The collector no longer accepts uploads from this browser (${outcome.message}). Rejoin the study to go on uploading; nothing was lost.`,
        );
        return { state: 'blocked' };
      }
      const attempts = ((await getMeta(db, 'uploadAttempts')) ?? 0) + 1;
      const wait =
        outcome.kind === 'slow-down'
          ? outcome.waitMs
          : backoffMs(attempts, deps.timing, deps.random);
      const at = now() + wait;
      await setMeta(db, 'uploadAttempts', attempts);
      await setMeta(db, 'uploadRetryAt', at);
      await setMeta(db, 'uploadError', outcome.message);
      return { state: 'waiting', at };
    }
  }
  return { state: 'done' };
}

/** The job as stored now: a quarantine may have changed it since this step began. */
async function currentJob(db: Db, job: UploadJob): Promise<UploadJob> {
  return (await db.get('uploads', job.session)) ?? job;
}
