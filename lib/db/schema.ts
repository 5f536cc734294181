import type { DBSchema } from 'idb';
import type { Enrollment, LocalProfile, Session, StudyManifest, TraceEvent } from '../schema';

export const DB_NAME = 'tasktrace';
export const DB_VERSION = 1;

export type StoredEvent = {
  session: string;
  seq: number;
  event: TraceEvent;
  /** [clientId, cseq] of the content script that sent it; absent for background events. */
  source?: [string, number];
  /** 0 until the collector has acknowledged it (IndexedDB cannot index booleans). */
  uploaded: 0 | 1;
};

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
  sessions: { key: string; value: Session };
  meta: { key: MetaKey; value: MetaValues[MetaKey] };
}
