import type { TraceEvent } from '../../lib/schema';

/**
 * Everything the HTTP layer asks of storage. Routes depend on this interface only, so
 * another backend (PostgreSQL via DATABASE_URL, a worker thread) can slot in.
 */
export interface Store {
  /** The participant, with their first consent record. */
  createParticipant(participant: NewParticipant): Promise<void>;
  findParticipantByTokenHash(tokenHash: string): Promise<Participant | undefined>;
  /** Records agreement to a consent version; idempotent, and a no-op once erased. */
  addConsent(participantId: string, consentVersion: string): Promise<void>;
  /** Records the session if new; returns the id of the participant that owns it. */
  claimSession(session: NewSession): Promise<string>;
  /** Stores events not stored yet (unique on session and seq); returns how many were new. */
  insertEvents(batch: EventBatch): Promise<number>;
  /** Deletes everything a participant uploaded or agreed to and marks them erased. */
  eraseParticipant(participantId: string): Promise<ErasureReceipt>;
  /** Events of non-erased participants after `after`, in (participant, session, seq) order. */
  readEventsPage(
    studyId: string,
    after: EventCursor | undefined,
    limit: number,
  ): Promise<StoredEvent[]>;
}

export interface NewParticipant {
  id: string;
  studyId: string;
  tokenHash: string;
  consentVersion: string;
  extensionVersion: string;
}

export interface Participant {
  id: string;
  studyId: string;
  /** Every consent version they agreed to, oldest first; empty once erased. */
  consentVersions: string[];
  erasedAt: Date | null;
}

export interface NewSession {
  id: string;
  participantId: string;
  studyId: string;
  startedAt: number;
}

export interface EventBatch {
  sessionId: string;
  participantId: string;
  studyId: string;
  extensionVersion: string;
  consentVersion: string;
  events: TraceEvent[];
}

export interface EventCursor {
  participantId: string;
  sessionId: string;
  seq: number;
}

export interface StoredEvent extends EventCursor {
  studyId: string;
  extensionVersion: string;
  consentVersion: string;
  event: TraceEvent;
}

export interface ErasureReceipt {
  sessions: number;
  events: number;
}
