import type { DBSchema } from 'idb';
import type {
  EditedTasks,
  Enrollment,
  LocalProfile,
  Session,
  StudyManifest,
  TraceEvent,
  UploadJobStatus,
} from '../schema';

export const DB_NAME = 'tasktrace';
export const DB_VERSION = 3;

/** Whether the collector has an event: IndexedDB cannot index booleans, hence numbers. */
export type UploadedFlag =
  /** Not yet acknowledged by the collector. */
  | 0
  /** Acknowledged. */
  | 1
  /** Too large for the collector ever to take, so it stays here. */
  | 2;

/** One event as readers see it, taken out of its chunk. */
export type StoredEvent = {
  session: string;
  seq: number;
  event: TraceEvent;
  uploaded: UploadedFlag;
};

/**
 * Consecutive events of one session, stored as one record: IndexedDB's cost is per
 * record, so one record per event capped ingest near 2,500 events/s where a record of
 * 200 events reaches 150,000 (bench/idb-ceiling.ts). Chunks of a session never overlap
 * and hold their events in sequence order; a chunk whose events are all deleted goes.
 */
export type StoredChunk = {
  session: string;
  /** Sequence number of the chunk's first event when written; stays its key after that event is deleted. */
  first: number;
  events: TraceEvent[];
  /** Parallel to `events`. */
  uploaded: UploadedFlag[];
  /** 1 while any event here has `uploaded` 0, so uploads find the chunks left to send by index. */
  unsent: 0 | 1;
};

/**
 * Which numbered events a content script's instance already had stored, so a resend
 * is recognised without an index over every event. Pruned after a week untouched.
 */
export type SenderRecord = {
  clientId: string;
  /** Sorted, disjoint, non-adjacent inclusive ranges of stored `cseq`s. */
  ranges: [number, number][];
  touchedAt: number;
};

/** A session as stored; `tasks` appears once the volunteer edits its tasks in review. */
export type StoredSession = Session & { tasks?: EditedTasks };

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
  chunks: {
    key: [string, number];
    value: StoredChunk;
    indexes: { byUnsent: [string, number, number] };
  };
  senders: { key: string; value: SenderRecord };
  sessions: { key: string; value: StoredSession };
  meta: { key: MetaKey; value: MetaValues[MetaKey] };
  uploads: { key: string; value: UploadJob };
}

/** A session the volunteer asked to upload, and how far it got. */
export type UploadJob = {
  session: string;
  /** `uploading` left behind by a stopped worker is picked up like `queued`. */
  status: UploadJobStatus;
  requestedAt: number;
  /** Events per batch; halved each time the collector answers 413. */
  maxBatch: number;
  /** Why the collector refused the session, or which events it could never take. */
  error: string | null;
  /** Sequence numbers of events too large to upload; they stay on this computer. */
  quarantined: number[];
};
