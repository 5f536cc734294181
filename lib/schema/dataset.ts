import { z } from 'zod';
import { participantId } from './api';
import { traceEvent } from './event';
import { seq, sessionId, timestamp } from './primitives';
import { SCHEMA_VERSION } from './version';

const stamps = {
  schemaVersion: z.literal(SCHEMA_VERSION),
  study: z.string(),
  /** A random pseudonym made at enrollment; it names no person. */
  participant: participantId,
  session: sessionId,
  extensionVersion: z.string(),
  consentVersion: z.string(),
};

/** A line of `events.jsonl`. */
export const eventLine = z.strictObject({
  ...stamps,
  task: z.string().nullable(),
  event: traceEvent,
});
export type EventLine = z.infer<typeof eventLine>;

const boundary = z.strictObject({ seq, t: timestamp });

/** A line of `episodes.jsonl`: one task with its ordered actions. */
export const episodeLine = z.strictObject({
  ...stamps,
  task: z.string(),
  goal: z.string().nullable(),
  outcome: z.enum(['done', 'gave-up', 'unknown']),
  boundariesBy: z.enum(['volunteer', 'annotator']),
  start: boundary,
  end: boundary,
  actions: z.array(traceEvent),
});
export type EpisodeLine = z.infer<typeof episodeLine>;
