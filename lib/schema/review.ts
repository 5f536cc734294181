import { z } from 'zod';
import { traceEvent } from './event';
import { recordingMode, uploadJobStatus } from './extension-state';
import { taskSpan } from './task';
import { uploadBatch } from './upload';

/** The tasks the volunteer set for a session in review, replacing those read from markers. */
export const editedTasks = z.strictObject({
  spans: z.array(taskSpan),
  /**
   * The session's next sequence number when they were saved: task markers recorded
   * after that (the session may still be recording) still add tasks of their own.
   */
  through: z.number(),
  savedAt: z.number(),
});
export type EditedTasks = z.infer<typeof editedTasks>;

/** A session's upload job as review shows it. */
export const reviewJob = z.strictObject({
  status: uploadJobStatus,
  error: z.string().nullable(),
  /** Events the collector can never take; they stay on this computer. */
  quarantined: z.number(),
});
export type ReviewJob = z.infer<typeof reviewJob>;

/** One line of the review page's list of sessions. */
export const reviewSessionSummary = z.strictObject({
  id: z.string(),
  startedAt: z.number(),
  /** When its last step was recorded. */
  lastEventAt: z.number(),
  endedAt: z.number().nullable(),
  /** Next sequence number: steps are numbered from it and never renumbered. */
  nextSeq: z.number(),
  /** Steps kept on this computer, after the volunteer's deletions. */
  eventCount: z.number(),
  uploadedCount: z.number(),
  taskCount: z.number(),
  /** Steps are still being added to it. */
  recording: z.boolean(),
  /** Recorded for the study the volunteer is in, so it may be uploaded. */
  uploadable: z.boolean(),
  job: reviewJob.nullable(),
});
export type ReviewSessionSummary = z.infer<typeof reviewSessionSummary>;

export const reviewList = z.strictObject({
  mode: recordingMode,
  studyName: z.string().nullable(),
  sessions: z.array(reviewSessionSummary),
});
export type ReviewList = z.infer<typeof reviewList>;

/** A recorded event and whether the collector already has it (1) or never will (2). */
export const reviewStep = z.strictObject({
  event: traceEvent,
  uploaded: z.union([z.literal(0), z.literal(1), z.literal(2)]),
});
export type ReviewStep = z.infer<typeof reviewStep>;

export const reviewSessionDetail = z.strictObject({
  mode: recordingMode,
  studyName: z.string().nullable(),
  session: reviewSessionSummary,
  /** In sequence order. */
  steps: z.array(reviewStep),
  tasks: z.array(taskSpan),
  /** The volunteer edited the tasks here; otherwise they come from the task markers. */
  tasksEdited: z.boolean(),
});
export type ReviewSessionDetail = z.infer<typeof reviewSessionDetail>;

/** Exactly the batches an upload of the session would send now, in order. */
export const uploadPreview = z.strictObject({
  endpoint: z.string(),
  events: z.number(),
  batches: z.array(uploadBatch),
});
export type UploadPreview = z.infer<typeof uploadPreview>;

export const deleteStepsOutcome = z.strictObject({
  deleted: z.number(),
  /** Of those, how many the collector already had: it keeps its copy. */
  alreadyUploaded: z.number(),
});
export type DeleteStepsOutcome = z.infer<typeof deleteStepsOutcome>;

export const deleteSessionOutcome = deleteStepsOutcome;
export type DeleteSessionOutcome = z.infer<typeof deleteSessionOutcome>;
