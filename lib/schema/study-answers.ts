import { z } from 'zod';
import { studyManifest } from './study';

/**
 * What joining a study came to: joined, or nothing joined because the study no longer
 * reads as the consent screen showed it. `note` says more when the collector, not the
 * study link, answered with other terms.
 */
export const joinOutcome = z.union([
  z.strictObject({
    joined: z.strictObject({ studyName: z.string(), recordingOn: z.array(z.string()) }),
  }),
  z.strictObject({
    changed: z.strictObject({
      study: studyManifest,
      changes: z.array(z.string()),
      note: z.string().optional(),
    }),
  }),
]);
export type JoinOutcome = z.infer<typeof joinOutcome>;

/** The study read again from its link: unchanged, changed (and how), or not reachable. */
export const studyCheck = z.union([
  z.strictObject({ status: z.enum(['not-enrolled', 'unchanged', 'unreachable']) }),
  z.strictObject({ status: z.literal('changed'), changes: z.array(z.string()) }),
]);
export type StudyCheck = z.infer<typeof studyCheck>;

/** The changed study awaiting the volunteer's consent, with what changed. */
export const pendingStudy = z.strictObject({ study: studyManifest, changes: z.array(z.string()) });
export type PendingStudy = z.infer<typeof pendingStudy>;
