import type { UploadJob } from '../db/schema';
import type { RecordingMode } from '../messaging/protocol';
import type { TaskSpan, TraceEvent, UploadBatch } from '../schema';

/** A session's upload job as review shows it. */
export type ReviewJob = Pick<UploadJob, 'status' | 'error'> & {
  /** Events the collector can never take; they stay on this computer. */
  quarantined: number;
};

/** One line of the review page's list of sessions. */
export type ReviewSessionSummary = {
  id: string;
  startedAt: number;
  /** When its last step was recorded. */
  lastEventAt: number;
  endedAt: number | null;
  /** Next sequence number: steps are numbered from it and never renumbered. */
  nextSeq: number;
  /** Steps kept on this computer, after the volunteer's deletions. */
  eventCount: number;
  uploadedCount: number;
  taskCount: number;
  /** Steps are still being added to it. */
  recording: boolean;
  /** Recorded for the study the volunteer is in, so it may be uploaded. */
  uploadable: boolean;
  job: ReviewJob | null;
};

export type ReviewList = {
  mode: RecordingMode;
  studyName: string | null;
  sessions: ReviewSessionSummary[];
};

/** A recorded event and whether the collector already has it (1) or never will (2). */
export type ReviewStep = { event: TraceEvent; uploaded: 0 | 1 | 2 };

export type ReviewSessionDetail = {
  mode: RecordingMode;
  studyName: string | null;
  session: ReviewSessionSummary;
  /** In sequence order. */
  steps: ReviewStep[];
  tasks: TaskSpan[];
  /** The volunteer edited the tasks here; otherwise they come from the task markers. */
  tasksEdited: boolean;
};

/** Exactly the batches an upload of the session would send now, in order. */
export type UploadPreview = { endpoint: string; events: number; batches: UploadBatch[] };

export type DeleteStepsOutcome = {
  deleted: number;
  /** Of those, how many the collector already had: it keeps its copy. */
  alreadyUploaded: number;
};

export type DeleteSessionOutcome = { deleted: number; alreadyUploaded: number };
