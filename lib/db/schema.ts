import type { DBSchema } from 'idb';
import type { Enrollment, Session, TraceEvent } from '../schema';

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
  /** Why capture is paused: the volunteer chose to, or storage ran out. */
  pausedReason: 'volunteer' | 'quota';
  currentSession: string;
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
