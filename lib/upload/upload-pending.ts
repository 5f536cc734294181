import { markUploaded } from '../db/mark-uploaded';
import type { Db } from '../db/open-db';
import { readUnuploaded } from '../db/read-unuploaded';
import { apiError, type Enrollment, MAX_BATCH_EVENTS, uploadResponse } from '../schema';
import { buildBatch } from './build-batch';
import { gzip } from './gzip';

export type UploadOutcome = { uploaded: number; error?: string };

/**
 * Sends every event the collector has not acknowledged, session by session, in
 * batches of consecutive events. An event is marked uploaded only after a 2xx, and
 * the idempotency key makes a resend after a lost response harmless.
 */
export async function uploadPending(
  db: Db,
  enrollment: Enrollment,
  extensionVersion: string,
  fetchImpl: typeof fetch = fetch,
): Promise<UploadOutcome> {
  let uploaded = 0;
  const sessions = await db.getAll('sessions');
  for (const session of sessions) {
    if (session.studyId !== enrollment.study.id) continue;
    for (;;) {
      const stored = await readUnuploaded(db, session.id, MAX_BATCH_EVENTS);
      if (stored.length === 0) break;
      const { batch, body } = buildBatch(
        stored.map((entry) => entry.event),
        session,
        enrollment.study.id,
        extensionVersion,
      );
      const first = batch.events[0]?.seq;
      const last = batch.events.at(-1)?.seq;
      let response: Response;
      try {
        response = await fetchImpl(new URL('/v1/uploads', enrollment.study.endpoint), {
          method: 'POST',
          headers: {
            authorization: `Bearer ${enrollment.uploadToken}`,
            'content-type': 'application/json',
            'content-encoding': 'gzip',
            'idempotency-key': `${session.id}:${first}-${last}`,
          },
          body: await gzip(body),
        });
      } catch {
        return {
          uploaded,
          error: `Could not reach the collector at ${enrollment.study.endpoint}. Check your connection; nothing was lost and you can try again.`,
        };
      }
      if (!response.ok) return { uploaded, error: await describeFailure(response) };
      uploadResponse.parse(await response.json());
      await markUploaded(
        db,
        session.id,
        batch.events.map((event) => event.seq),
      );
      uploaded += batch.events.length;
    }
  }
  return { uploaded };
}

async function describeFailure(response: Response): Promise<string> {
  const parsed = apiError.safeParse(await response.json().catch(() => null));
  const detail = parsed.success ? parsed.data.message : response.statusText;
  return `The collector refused the upload (HTTP ${response.status}): ${detail}. Nothing was lost.`;
}
