import {
  type EpisodeLine,
  type EventLine,
  episodeLine,
  episodeLineV1,
  eventLine,
  eventLineV1,
  SCHEMA_VERSION,
} from '../schema';
import { toActions } from './to-actions';

/** A line of `events.jsonl` or `episodes.jsonl`, at the current schema version. */
export type DatasetLine = EventLine | EpisodeLine;

/**
 * A dataset line of any schema version, as the current version has it; anything that is
 * not a line of either file throws zod's error. Version 1 to 2:
 *
 * - an events line only changes its `schemaVersion`: every v1 event is a v2 event;
 * - an episodes line's `actions` were its events (markers left out): they become actions
 *   by the same rules as the collector's (to-actions.ts), and `observations` is empty,
 *   since v1 recorded none (every `observation` is null). Only the task's own events
 *   were exported, so a first scroll counts from 0 and edits cannot run past the start.
 *
 * A line with an `event` key is an events line, any other an episodes line, as in
 * schema.json.
 */
export function migrateLine(line: unknown): DatasetLine {
  const isEvent = typeof line === 'object' && line !== null && 'event' in line;
  const version = (line as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version === 1) {
    if (isEvent) return { ...eventLineV1.parse(line), schemaVersion: SCHEMA_VERSION };
    const old = episodeLineV1.parse(line);
    return { ...old, schemaVersion: SCHEMA_VERSION, ...toActions(old.actions) };
  }
  return isEvent ? eventLine.parse(line) : episodeLine.parse(line);
}

/** One line of text from a dataset file, parsed and brought to the current version. */
export function readDatasetLine(text: string): DatasetLine {
  return migrateLine(JSON.parse(text));
}
