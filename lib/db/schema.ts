import type { DBSchema } from 'idb';
import type {
  Enrollment,
  LocalProfile,
  Session,
  StudyManifest,
  TaskSpan,
  TraceEvent,
} from '../schema';

export const DB_NAME = 'tasktrace';
export const DB_VERSION = 2;

export type StoredEvent = {
  session: string;
  seq: number;
  event: TraceEvent;
  /** [clientId, cseq] of the content script that sent it; absent for background events. */
  source?: [string, number];
  /**
   * 0 until the collector has acknowledged it, 1 after; 2 when it is too large for the
   * collector ever to take, so it stays here (IndexedDB cannot index booleans).
   */
  uploaded: 0 | 1 | 2;
};

/** The tasks the volunteer set for a session in review, replacing those read from markers. */
export type SavedTasks = {
  spans: TaskSpan[];
  /**
   * The session's next sequence number when they were saved: task markers recorded
   * after that (the session may still be recording) still add tasks of their own.
   */
  through: number;
  savedAt: number;
};

/** A session as stored; `tasks` appears once the volunteer edits its tasks in review. */
export type StoredSession = Session & { tasks?: SavedTasks };

export type MetaValues = {
  enrollment: Enrollment;
  paused: boolean;
  /** Why capture is paused: the volunteer chose to, they were away, or storage ran out. */
  pausedReason: 'volunteer' | 'idle' | 'quota';
  currentSession: string;
  /** Recording for the volunteer alone, without a study. */
  local: LocalProfile;
  /** The study as it now reads, when its terms changed since the volunteer agreed. */
  reconsent: StudyManifest;
  /** Minutes without input after which recording pauses itself; absent or 0 means never. */
  autoPauseMinutes: number;
  /** No upload before this time: the collector asked to slow down, or failed. */
  uploadRetryAt: number;
  /** Failed attempts in a row, for the backoff. */
  uploadAttempts: number;
  /** Why the last attempt failed, while uploads wait to retry. */
  uploadError: string;
  /** The collector refused the token (401/403): uploads stop until the volunteer rejoins. */
  uploadBlocked: string;
};
export type MetaKey = keyof MetaValues;

export interface TasktraceDB extends DBSchema {
  events: {
    key: [string, number];
    value: StoredEvent;
    indexes: {
      bySource: [string, number];
      byUpload: [string, number, number];
    };
  };
  sessions: { key: string; value: StoredSession };
  meta: { key: MetaKey; value: MetaValues[MetaKey] };
  uploads: { key: string; value: UploadJob };
}

/** A session the volunteer asked to upload, and how far it got. */
export type UploadJob = {
  session: string;
  /** `uploading` left behind by a stopped worker is picked up like `queued`. */
  status: 'queued' | 'uploading' | 'uploaded' | 'failed';
  requestedAt: number;
  /** Events per batch; halved each time the collector answers 413. */
  maxBatch: number;
  /** Why the collector refused the session, or which events it could never take. */
  error: string | null;
  /** Sequence numbers of events too large to upload; they stay on this computer. */
  quarantined: number[];
};
