import { z } from 'zod';

/** Whether the volunteer records for a study, for themselves, or not at all. */
export const recordingMode = z.enum(['none', 'study', 'local']);
export type RecordingMode = z.infer<typeof recordingMode>;

/** The stages of a session's upload, in the queue and as review shows them. */
export const uploadJobStatus = z.enum(['queued', 'uploading', 'uploaded', 'failed']);
export type UploadJobStatus = z.infer<typeof uploadJobStatus>;

/** One of the newest sessions, as the popup lists it. */
export const recentSession = z.strictObject({
  session: z.string(),
  startedAt: z.number(),
  steps: z.number().int().nonnegative(),
  /** `kept`: on this computer only, not asked to upload (or recorded for oneself). */
  status: z.enum(['recording', 'kept', 'queued', 'uploading', 'uploaded', 'failed']),
  sent: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  error: z.string().nullable(),
});
export type RecentSession = z.infer<typeof recentSession>;

export const extensionState = z.strictObject({
  mode: recordingMode,
  studyName: z.string().nullable(),
  /** The study's terms changed: nothing is recorded until the volunteer agrees again. */
  reconsent: z.boolean(),
  paused: z.boolean(),
  pausedReason: z.enum(['volunteer', 'idle', 'quota']),
  session: z
    .strictObject({ id: z.string(), eventCount: z.number(), uploadedCount: z.number() })
    .nullable(),
  pendingUpload: z.number().int().nonnegative(),
  /** The active tab, when it shows a web page: recorded now, paused, or not covered. */
  here: z.enum(['recording', 'paused', 'not-in-study']).nullable(),
  /** The task the volunteer started and has not ended, in the open session. */
  task: z.strictObject({ goal: z.string(), startedAt: z.number() }).nullable(),
  /** The newest sessions with steps, newest first. */
  recent: z.array(recentSession),
  upload: z.strictObject({
    /** The collector refused the token: nothing uploads until the volunteer rejoins. */
    blocked: z.string().nullable(),
    /** Uploads wait until then, and why. */
    retryAt: z.number().nullable(),
    lastError: z.string().nullable(),
    /** The sessions the volunteer asked to upload, newest first. */
    sessions: z.array(
      z.strictObject({
        session: z.string(),
        startedAt: z.number(),
        status: uploadJobStatus,
        sent: z.number().int().nonnegative(),
        total: z.number().int().nonnegative(),
        error: z.string().nullable(),
      }),
    ),
  }),
});
export type ExtensionState = z.infer<typeof extensionState>;

/** The mode follows from what is stored: a study enrollment wins over recording for oneself. */
export function recordingModeOf(enrollment: unknown, local: unknown): RecordingMode {
  return enrollment ? 'study' : local ? 'local' : 'none';
}
