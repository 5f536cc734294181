import type {
  SessionSummary,
  StaffRole,
  StudyProgress,
  TaskSpan,
  TraceEvent,
} from '../../lib/schema';
import type { ExpiredReceipt } from './delete-expired-sessions';
import type { ExportSelection } from './export-selection';
import type { ExportFigures } from './read-export-figures';

/**
 * Everything the HTTP layer asks of storage. Routes depend on this interface only, so
 * another backend (PostgreSQL via DATABASE_URL, a worker thread) can slot in.
 */
export interface Store {
  /**
   * False when the database answers one query at a time (PGlite): an export then reads
   * no page ahead, which would only hold a second page for no speed (measured).
   */
  readonly concurrentReads?: boolean;
  /** The participant, with their first consent record. */
  createParticipant(participant: NewParticipant): Promise<void>;
  findParticipantByTokenHash(tokenHash: string): Promise<Participant | undefined>;
  /** Records agreement to a consent version; idempotent, and a no-op once erased. */
  addConsent(participantId: string, consentVersion: string): Promise<void>;
  /** Records the session if new; returns the id of the participant that owns it. */
  /** Undefined when the participant was erased meanwhile. */
  claimSession(session: NewSession): Promise<string | undefined>;
  /** Stores events not stored yet (unique on session and seq); returns how many were new. */
  insertEvents(batch: EventBatch): Promise<number>;
  /**
   * For a session already stored as the participant's: its events, and their answer
   * stored for the claimed key, at once (with `notes` added to it). Returns the session's
   * owner (undefined when it is not stored yet); nothing is written unless the owner is
   * the batch's participant.
   */
  insertSessionEvents(
    batch: EventBatch,
    answerTo: IdempotencyKeyRef,
    notes?: UploadNotes,
  ): Promise<SessionEventsResult>;
  /**
   * Claims an upload's Idempotency-Key for the participant, or says why it cannot: the
   * key already has an answer to replay, is in flight, was used with another body, or
   * the participant was erased.
   */
  claimIdempotencyKey(claim: NewIdempotencyClaim): Promise<IdempotencyClaim>;
  /** Stores the (2xx) answer of a claimed key, to replay to requests that repeat it. */
  completeIdempotencyKey(key: IdempotencyKeyRef, answer: StoredAnswer): Promise<void>;
  /** Drops a claim still in flight, so the key can be used again (after a failure). */
  releaseIdempotencyKey(key: IdempotencyKeyRef): Promise<void>;
  /** Deletes everything a participant uploaded or agreed to and marks them erased. */
  eraseParticipant(participantId: string): Promise<ErasureReceipt>;
  /** Sessions of a study first uploaded more than `days` ago, deleted with their data. */
  deleteExpiredSessions(studyId: string, days: number): Promise<ExpiredReceipt>;
  /** Events of non-erased participants after `after`, in (participant, session, seq) order. */
  readEventsPage(
    studyId: string,
    after: EventCursor | undefined,
    limit: number,
  ): Promise<CollectedEvent[]>;

  /** An annotator or researcher token (its hash only) made by `token create`. */
  createStaffToken(token: NewStaffToken): Promise<void>;
  /** Every staff token ever made, revoked ones too, oldest first. */
  listStaffTokens(): Promise<StaffToken[]>;
  findStaffTokenByHash(tokenHash: string): Promise<StaffToken | undefined>;
  revokeStaffToken(id: string): Promise<RevokeOutcome>;

  /** One page of a study's sessions of non-erased participants, in id order. */
  listSessions(query: SessionListQuery): Promise<SessionSummary[]>;
  /** The session, unless unknown or its participant was erased. */
  findSession(id: string): Promise<SessionRecord | undefined>;
  /** One session's events in seq order (none once its participant is erased). */
  readSessionEvents(sessionId: string): Promise<CollectedEvent[]>;
  /** The saved task lists of each of these sessions that has any. */
  readSessionTasks(sessionIds: string[]): Promise<Map<string, SavedTaskLists>>;
  /** Which of these seqs the session has an event for. */
  findPresentSeqs(sessionId: string, seqs: readonly number[]): Promise<Set<number>>;
  /** Saves a task list if `expectedVersion` is the stored one (0 when none): race-safe. */
  saveSessionTasks(save: TasksSave): Promise<TasksSaveOutcome>;
  /** Sessions of non-erased participants of a study after `after`, in id order. */
  readSessionsPage(
    studyId: string,
    after: string | undefined,
    limit: number,
  ): Promise<SessionRecord[]>;

  /** The dashboard's figures for a study: one query each, erased participants excluded. */
  readStudyStats(studyId: string): Promise<StudyProgress>;

  /** A page of the events export: like readEventsPage, only the selected sessions. */
  readExportEventsPage(
    selection: ExportSelection,
    after: EventCursor | undefined,
    limit: number,
  ): Promise<ExportEvent[]>;
  /** A page of the sessions the episodes export walks, in id order. */
  readExportSessionsPage(
    selection: ExportSelection,
    after: string | undefined,
    limit: number,
  ): Promise<SessionRecord[]>;
  /** The datasheet's figures for the selected sessions, by aggregates only. */
  readExportFigures(selection: ExportSelection): Promise<ExportFigures>;
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

/** What an upload's answer says besides accepted and duplicates; each count only when non-zero. */
export interface UploadNotes {
  /** Names and labels removed: the study's capture level does not allow them. */
  stripped?: number;
  /** Events not stored: their page is not certainly allowed by the study. */
  dropped?: number;
}

export interface SessionEventsResult {
  owner: string | undefined;
  /** How many events were new; 0 when nothing was written. */
  accepted: number;
}

export interface EventCursor {
  participantId: string;
  sessionId: string;
  seq: number;
}

/** An event as the collector keeps it: who uploaded it, under which terms, with what version. */
export interface CollectedEvent extends EventCursor {
  studyId: string;
  extensionVersion: string;
  consentVersion: string;
  event: TraceEvent;
}

/**
 * An event as the export reads it: the stored event as JSON text, never parsed, since
 * the export only writes it out again; its kind and seq come from their own columns.
 */
export interface ExportEvent extends EventCursor {
  studyId: string;
  extensionVersion: string;
  consentVersion: string;
  kind: string;
  /**
   * The event as jsonb's text output (keys in stored order, a space after each `,` and
   * `:`) or as JSON.stringify writes it: the line writer drops those spaces.
   */
  eventJson: string;
}

/** An Idempotency-Key is scoped to the participant its token names, never global. */
export interface IdempotencyKeyRef {
  participantId: string;
  key: string;
}

export interface NewIdempotencyClaim extends IdempotencyKeyRef {
  /** SHA-256 (hex) of the decompressed request body. */
  requestHash: string;
}

export interface StoredAnswer {
  status: number;
  body: unknown;
}

export type IdempotencyClaim =
  /** The caller now owns the key: process the request, then complete or release it. */
  | { kind: 'claimed' }
  /** The same request was answered before: replay that answer. */
  | { kind: 'answered'; answer: StoredAnswer }
  /** The same request is being processed right now by another call. */
  | { kind: 'in-flight' }
  /** The key was used with a different body. */
  | { kind: 'other-body' }
  /** The participant was erased while this request was on its way. */
  | { kind: 'erased' };

export interface ErasureReceipt {
  sessions: number;
  events: number;
}

export interface NewStaffToken {
  id: string;
  role: StaffRole;
  tokenHash: string;
  label: string;
}

export interface StaffToken {
  id: string;
  role: StaffRole;
  label: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export type RevokeOutcome = 'revoked' | 'already-revoked' | 'unknown';

export interface SessionListQuery {
  studyId: string;
  /** Only sessions with (true) or without (false) an annotator's saved tasks. */
  annotated: boolean | undefined;
  after: string | undefined;
  limit: number;
}

export interface SessionRecord {
  id: string;
  studyId: string;
  participantId: string;
  startedAt: number;
}

export type TasksBy = 'volunteer' | 'annotator';

export interface SavedTasks {
  /** 1 after the first save; each save adds one. */
  version: number;
  tasks: TaskSpan[];
}

export type SavedTaskLists = Partial<Record<TasksBy, SavedTasks>>;

export interface TasksSave {
  sessionId: string;
  by: TasksBy;
  /** The version the list was edited from: 0 when nothing was saved yet. */
  expectedVersion: number;
  tasks: TaskSpan[];
}

export type TasksSaveOutcome =
  | { kind: 'saved'; version: number }
  /** Someone saved first: `currentVersion` is what is stored now. */
  | { kind: 'conflict'; currentVersion: number }
  /** The session is unknown, or its participant was erased meanwhile. */
  | { kind: 'gone' };
