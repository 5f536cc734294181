import { z } from 'zod';
import { sessionId, timestamp } from './primitives';

export const sessionEndReason = z.enum([
  'idle',
  'pause',
  'browser-closed',
  'withdrawn',
  'consent-changed',
]);

/** A recording session as the extension keeps it. */
export const session = z.strictObject({
  id: sessionId,
  /** Null when the volunteer records for themselves, without a study. */
  studyId: z.string().nullable(),
  /** The consent every event of the session was recorded under; a new consent starts a new session. */
  consentVersion: z.string().min(1).max(64),
  startedAt: timestamp,
  lastEventAt: timestamp,
  endedAt: timestamp.nullable(),
  endReason: sessionEndReason.nullable(),
  /** Next sequence number to hand out; also the number of events ever recorded. */
  nextSeq: z.number().int().nonnegative(),
  /** Events still stored locally (after the volunteer's deletions). */
  eventCount: z.number().int().nonnegative(),
  uploadedCount: z.number().int().nonnegative(),
  /** Browser tab id → session-local tab index. Browser ids never leave the machine. */
  tabs: z.record(z.string(), z.number().int().nonnegative()),
});
export type Session = z.infer<typeof session>;
