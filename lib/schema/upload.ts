import { z } from 'zod';
import { traceEvent } from './event';
import { sessionId, timestamp } from './primitives';
import { studyFile } from './study';
import { SCHEMA_VERSIONS } from './version';

export const MAX_BATCH_EVENTS = 500;
export const MAX_BATCH_BYTES = 256 * 1024;

/**
 * One upload: consecutive events of one session. The participant comes from the token.
 * `schemaVersion` is the one the extension records under: 2 now, 1 from extensions not yet
 * updated (their events are v2 events without observations).
 */
export const uploadBatch = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSIONS),
    study: studyFile.shape.id,
    consentVersion: z.string().min(1).max(64),
    extensionVersion: z.string().min(1).max(32),
    session: z.strictObject({ id: sessionId, startedAt: timestamp }),
    events: z.array(traceEvent).min(1).max(MAX_BATCH_EVENTS),
  })
  .superRefine((batch, ctx) => {
    let previous = -1;
    batch.events.forEach((event, index) => {
      if (event.session !== batch.session.id) {
        ctx.addIssue({
          code: 'custom',
          path: ['events', index, 'session'],
          message: 'every event must belong to the batch session',
        });
      }
      if (event.seq <= previous) {
        ctx.addIssue({
          code: 'custom',
          path: ['events', index, 'seq'],
          message: 'sequence numbers must increase within a batch',
        });
      }
      previous = event.seq;
    });
  });
export type UploadBatch = z.infer<typeof uploadBatch>;
