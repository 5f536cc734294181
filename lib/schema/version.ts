/**
 * Version of the data model below; stamped on every upload and dataset line.
 *
 * - 1: events; `episodes.jsonl` listed each task's events as its `actions`.
 * - 2: events may carry observations (the `observation` kind, and `at` on actions);
 *   `episodes.jsonl` gives each step as an action an agent could take (episode-action.ts),
 *   with the observations they were taken against. Every v1 event is a valid v2 event;
 *   lib/trace/migrate-line.ts upgrades v1 dataset lines.
 */
export const SCHEMA_VERSION = 2 as const;

/**
 * Every version there has been. An upload may say any of them: an extension not yet
 * updated still sends 1, and its events are valid v2 events (they only lack observations).
 * An export's summary and manifest state the version of the collector that made it.
 */
export const SCHEMA_VERSIONS = [1, SCHEMA_VERSION] as const;
