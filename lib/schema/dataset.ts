import { z } from 'zod';
import { participantId } from './api';
import { episodeAction, episodeObservation } from './episode-action';
import { traceEvent } from './event';
import { seq, sessionId, timestamp } from './primitives';
import { SCHEMA_VERSION } from './version';

const identity = {
  study: z.string(),
  /** A random pseudonym made at enrollment; it names no person. */
  participant: participantId,
  session: sessionId,
  extensionVersion: z.string(),
  consentVersion: z.string(),
};
const stamps = { schemaVersion: z.literal(SCHEMA_VERSION), ...identity };

const eventLineFields = {
  task: z
    .string()
    .nullable()
    .describe('The task this event belongs to (the `task` of its episodes line), or null'),
  event: traceEvent,
};

/** A line of `events.jsonl`. */
export const eventLine = z.strictObject({ ...stamps, ...eventLineFields });
export type EventLine = z.infer<typeof eventLine>;

const boundary = z.strictObject({ seq, t: timestamp });

const episodeFields = {
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
};

/** A line of `episodes.jsonl`: one task as the actions an agent could take, and what it saw. */
export const episodeLine = z.strictObject({
  ...stamps,
  ...episodeFields,
  actions: z
    .array(episodeAction)
    .describe(
      'The task’s steps in order, each as an action an agent could take (lib/trace/to-actions.ts says how events become actions); typed and chosen values are slots, never values',
    ),
  observations: z
    .array(episodeObservation)
    .describe(
      'The page interfaces the actions were taken against, each once, in the order first referenced; an action’s `observation` names one by `doc` and `n`. Last, when the final action led to another page, the page the task ended on',
    ),
});
export type EpisodeLine = z.infer<typeof episodeLine>;

/** Dataset lines of schema version 1, as exported before: read only to upgrade them. */
export const eventLineV1 = z.strictObject({
  schemaVersion: z.literal(1),
  ...identity,
  ...eventLineFields,
});
export type EventLineV1 = z.infer<typeof eventLineV1>;

/** Episodes of version 1 listed the task's events, markers left out, as their `actions`. */
export const episodeLineV1 = z.strictObject({
  schemaVersion: z.literal(1),
  ...identity,
  ...episodeFields,
  actions: z.array(traceEvent),
});
export type EpisodeLineV1 = z.infer<typeof episodeLineV1>;
