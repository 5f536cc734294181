import { z } from 'zod';
import { participantId } from './api';
import { traceEvent } from './event';
import { sessionId, timestamp } from './primitives';
import { studyFile } from './study';
import { taskSpan } from './task';

/** Who a collector access token (other than a participant's upload token) belongs to. */
export const staffRole = z.enum(['annotator', 'researcher']);
export type StaffRole = z.infer<typeof staffRole>;

/** `GET /v1/sessions` query parameters; unknown ones are refused like unknown body keys. */
export const sessionsQuery = z.strictObject({
  study: studyFile.shape.id,
  /** Only sessions an annotator has (`true`) or has not (`false`) saved tasks for. */
  annotated: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `next` of the previous page: the last session id it listed. */
  after: sessionId.optional(),
});
export type SessionsQuery = z.infer<typeof sessionsQuery>;

export const sessionSummary = z.strictObject({
  id: sessionId,
  study: z.string(),
  participant: participantId,
  startedAt: timestamp,
  /** Events the collector holds for the session. */
  events: z.number().int().nonnegative(),
  /** An annotator saved tasks for it (possibly none: "no task here" is an annotation too). */
  annotated: z.boolean(),
  /** 0 before an annotator saved. */
  annotationVersion: z.number().int().nonnegative(),
  /** The volunteer's tasks: those they saved, else one per task-start marker. */
  volunteerTasks: z.number().int().nonnegative(),
});
export type SessionSummary = z.infer<typeof sessionSummary>;

/** A page of sessions in id order; `next` is the `after` of the following page, if any. */
export const sessionsPage = z.strictObject({
  sessions: z.array(sessionSummary),
  next: sessionId.nullable(),
});
export type SessionsPage = z.infer<typeof sessionsPage>;

const versionedTasks = z.strictObject({
  /** 0 before anyone saved; the `version` to send with the next PUT. */
  version: z.number().int().nonnegative(),
  tasks: z.array(taskSpan),
});

/** `GET /v1/sessions/:id`: the timeline and both task lists, for annotation. */
export const sessionDetail = z.strictObject({
  session: z.strictObject({
    id: sessionId,
    study: z.string(),
    participant: participantId,
    startedAt: timestamp,
  }),
  /** In seq order. */
  events: z.array(traceEvent),
  /** Saved by the volunteer (version ≥ 1), else read from their task markers (version 0). */
  volunteer: versionedTasks,
  annotator: versionedTasks,
});
export type SessionDetail = z.infer<typeof sessionDetail>;
