import { type ExportSummary, SCHEMA_VERSION } from '../../lib/schema';
import type { Store } from '../db/store';
import { COLLECTOR_VERSION } from './collector-version';
import type { ExportRequest } from './export-request';

/** The figures of what an export request selects, as `summary.json` and the datasheet state them. */
export async function exportSummary(store: Store, request: ExportRequest): Promise<ExportSummary> {
  const figures = await store.readExportFigures(request.selection);
  const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());
  return {
    study: request.study.id,
    format: request.format,
    filters: request.filters,
    rows: request.format === 'events' ? figures.events : figures.episodes,
    participants: figures.participants,
    sessions: figures.sessions,
    events: figures.events,
    episodes: figures.episodes,
    annotatorEpisodes: figures.annotatorEpisodes,
    annotatedSessions: figures.annotatedSessions,
    firstEventAt: iso(figures.firstEventAt),
    lastEventAt: iso(figures.lastEventAt),
    captureLevel: request.study.captureLevel,
    labelledEvents: figures.labelledEvents,
    consentVersions: figures.consentVersions,
    extensionVersions: figures.extensionVersions,
    schemaVersion: SCHEMA_VERSION,
    collectorVersion: COLLECTOR_VERSION,
  };
}
