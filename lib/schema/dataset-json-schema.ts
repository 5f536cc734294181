import { z } from 'zod';
import { episodeLine, eventLine } from './dataset';
import { episodeAction, episodeObservation } from './episode-action';
import { traceEvent } from './event';
import { actionGrounding, observedNode } from './observation';
import { page, sessionId } from './primitives';
import { targetDescriptor } from './target';
import { SCHEMA_VERSION } from './version';

/**
 * Names in `$defs`. The two line schemas are what readers validate against; the others
 * repeat in every event kind, and one definition each keeps the file small and readable.
 */
const DEFS = new Map<z.ZodType, { id: string; title?: string; description?: string }>([
  [eventLine, { id: 'EventLine', title: 'A line of events.jsonl: one recorded event' }],
  [
    episodeLine,
    {
      id: 'EpisodeLine',
      title: 'A line of episodes.jsonl: one task as ordered actions, with their observations',
    },
  ],
  [traceEvent, { id: 'TraceEvent' }],
  [
    episodeAction,
    {
      id: 'EpisodeAction',
      title: 'One step of an episode: goto, click, type, select, press, scroll or tab',
    },
  ],
  [
    episodeObservation,
    {
      id: 'EpisodeObservation',
      title: 'A page’s interface skeleton at one observation, every change up to it applied',
    },
  ],
  [observedNode, { id: 'ObservedNode' }],
  [actionGrounding, { id: 'ActionGrounding' }],
  [page, { id: 'Page' }],
  [targetDescriptor, { id: 'Target' }],
  [sessionId, { id: 'SessionId', description: 'A random session id (UUID)' }],
]);

export type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema (draft 2020-12) of a dataset line, generated from the zod schemas so it
 * cannot drift from what the collector validates. Strict objects come out as
 * `additionalProperties: false`: a line with a key the format does not know fails.
 *
 * One schema validates a line of either file: a line with an `event` key is checked as an
 * events line, any other as an episodes line, so a validator reports the errors of the
 * one shape the line was meant to be rather than of both. `#/$defs/EventLine` and
 * `#/$defs/EpisodeLine` check one file's lines on their own.
 */
export function datasetJsonSchema(): JsonSchema {
  const registry = z.registry<{ id: string; title?: string; description?: string }>();
  for (const [schema, meta] of DEFS) registry.add(schema, meta);
  const generated = z.toJSONSchema(z.union([eventLine, episodeLine]), {
    target: 'draft-2020-12',
    metadata: registry,
    // Our own registry replaces the global one that `.describe()` writes to: carry those over.
    override: (context) => {
      const description = z.globalRegistry.get(context.zodSchema)?.description;
      if (description && context.jsonSchema.description === undefined) {
        context.jsonSchema.description = description;
      }
    },
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `tasktrace dataset line, schema version ${SCHEMA_VERSION}`,
    description:
      'One line of events.jsonl or episodes.jsonl. A line with an `event` key is an events line ($defs/EventLine), any other an episodes line ($defs/EpisodeLine). `format` keywords are annotations: the `pattern` beside each enforces it.',
    if: { type: 'object', properties: { event: true }, required: ['event'] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else, never awaited.
    then: { $ref: '#/$defs/EventLine' },
    else: { $ref: '#/$defs/EpisodeLine' },
    $defs: generated.$defs,
  };
}
