import { z } from 'zod';
import { captureLevel } from './study';
import { SCHEMA_VERSIONS } from './version';

export const EXPORT_FORMATS = ['events', 'episodes'] as const;
export const exportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof exportFormat>;

/** The four files of an export, as the CLI writes them and the datasheet names them. */
export const EXPORT_FILES = {
  data: (format: ExportFormat) => `${format}.jsonl`,
  schema: 'schema.json',
  datasheet: 'datasheet.md',
  manifest: 'manifest.json',
} as const;

const INSTANT_FORM =
  'must be an ISO date (2026-01-31, meaning 00:00 UTC) or a date-time with a time zone (2026-01-31T12:00:00Z, 2026-01-31T14:00:00+02:00)';

/**
 * A bound of the date range: a date (midnight UTC) or a date-time with its zone, never a
 * local time, which would mean different instants on the collector and the researcher's machine.
 */
const instant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: INSTANT_FORM })
  .transform((value) => Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value));

/**
 * `GET /v1/export…` query parameters; `study` and `format` are checked on their own first,
 * for their long-standing error codes. A session is in the range when it started in it
 * (`from` inclusive, `to` exclusive): whole sessions, so a task is never cut in two.
 */
export const exportQuery = z
  .strictObject({
    study: z.string(),
    format: z.string().optional(),
    from: instant.optional(),
    to: instant.optional(),
    /** Only sessions an annotator has (`true`) or has not (`false`) saved tasks for. */
    annotated: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .transform((value) => value === 'true')
      .optional(),
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from < query.to, {
    message: 'must be later than from (from is inclusive, to exclusive)',
    path: ['to'],
  });
export type ExportQuery = z.output<typeof exportQuery>;

/** The filters as a dataset's files state them: bounds as ISO date-times, null when unset. */
export const statedFilters = z.strictObject({
  from: z.iso.datetime().nullable(),
  to: z.iso.datetime().nullable(),
  annotated: z.boolean().nullable(),
});
export type StatedFilters = z.infer<typeof statedFilters>;

const count = z.number().int().nonnegative();

/**
 * `GET /v1/export/summary.json`: the figures the datasheet is made of, for the same
 * study and filters. Erased participants count nowhere.
 */
export const exportSummary = z.strictObject({
  study: z.string(),
  format: exportFormat,
  filters: statedFilters,
  /** Lines the data file of this format holds: `events` or `episodes`. */
  rows: count,
  participants: count,
  sessions: count,
  events: count,
  /** One per task: the lines of episodes.jsonl. */
  episodes: count,
  /** Episodes whose boundaries an annotator set. */
  annotatorEpisodes: count,
  annotatedSessions: count,
  firstEventAt: z.iso.datetime().nullable(),
  lastEventAt: z.iso.datetime().nullable(),
  /** The study file's capture level now. */
  captureLevel,
  /** Events whose target carries an accessible name or label: recorded at level `labels` only. */
  labelledEvents: count,
  consentVersions: z.array(z.strictObject({ version: z.string(), events: count })),
  extensionVersions: z.array(z.strictObject({ version: z.string(), events: count })),
  /** The version of every line, as the collector that answers writes them. */
  schemaVersion: z.literal(SCHEMA_VERSIONS),
  collectorVersion: z.string(),
});
export type ExportSummary = z.infer<typeof exportSummary>;

/** `manifest.json`: what the export holds, to check a copy against. */
export const exportManifest = z.strictObject({
  study: z.string(),
  format: exportFormat,
  filters: statedFilters,
  exportedAt: z.iso.datetime(),
  schemaVersion: z.literal(SCHEMA_VERSIONS),
  collectorVersion: z.string(),
  /** Every other file of the export. */
  files: z.array(
    z.strictObject({
      name: z.string(),
      bytes: count,
      /** JSON lines, for a JSONL file. */
      lines: count.optional(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});
export type ExportManifest = z.infer<typeof exportManifest>;
