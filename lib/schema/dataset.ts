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
  task: z
    .string()
    .nullable()
    .describe('The task this event belongs to (the `task` of its episodes line), or null'),
  event: traceEvent,
});
export type EventLine = z.infer<typeof eventLine>;

const boundary = z.strictObject({ seq, t: timestamp });

/** A line of `episodes.jsonl`: one task with its ordered actions. */
export const episodeLine = z.strictObject({
  ...stamps,
  task: z.string().describe('`<session>:<seq of its first step>`, as in events.jsonl'),
  goal: z
    .string()
    .nullable()
    .describe('What the volunteer set out to do, in their or the annotator’s words'),
  outcome: z.enum(['done', 'gave-up', 'unknown']),
  boundariesBy: z
    .enum(['volunteer', 'annotator'])
    .describe(
      'Who set where the task starts and ends: an annotator’s list wins over the volunteer’s',
    ),
  start: boundary,
  end: boundary,
  actions: z
    .array(traceEvent)
    .describe(
      'The events from start to end in order, markers (task-start, task-end, pause, resume, gap) left out',
    ),
});
export type EpisodeLine = z.infer<typeof episodeLine>;
