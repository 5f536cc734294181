import { z } from 'zod';
import { recordingMode } from './extension-state';
import { captureLevel } from './study';

/** A site the volunteer may be recorded on, and whether the browser granted it. */
export const siteAccess = z.strictObject({
  match: z.string(),
  excludePaths: z.array(z.string()),
  granted: z.boolean(),
});
export type SiteAccess = z.infer<typeof siteAccess>;

/** Everything the options page shows; only the background reads storage to build it. */
export const optionsState = z.strictObject({
  mode: recordingMode,
  study: z
    .strictObject({
      name: z.string(),
      researcher: z.string(),
      contact: z.string(),
      endpoint: z.string(),
      captureLevel,
      retentionDays: z.number(),
      consentVersion: z.string(),
      enrolledAt: z.number(),
    })
    .nullable(),
  /** The study as it now reads and what changed, while awaiting the volunteer's consent. */
  reconsent: z
    .strictObject({ changes: z.array(z.string()), consentVersion: z.string() })
    .nullable(),
  local: z.strictObject({ captureLevel, startedAt: z.number() }).nullable(),
  sites: z.array(siteAccess),
  autoPauseMinutes: z.number(),
  stored: z.strictObject({
    sessions: z.number(),
    events: z.number(),
    pendingUpload: z.number(),
  }),
});
export type OptionsState = z.infer<typeof optionsState>;

/** What leaving removed, here and (when asked) at the collector. */
export const leaveOutcome = z.strictObject({
  deleted: z.strictObject({ sessions: z.number(), events: z.number() }),
  erased: z
    .strictObject({
      participant: z.string(),
      erasedAt: z.string(),
      sessions: z.number(),
      events: z.number(),
    })
    .nullable(),
});
export type LeaveOutcome = z.infer<typeof leaveOutcome>;

/** A JSONL file in the dataset's `events.jsonl` format, for the volunteer to save. */
export const localExport = z.strictObject({
  fileName: z.string(),
  jsonl: z.string(),
  lines: z.number(),
});
export type LocalExport = z.infer<typeof localExport>;
