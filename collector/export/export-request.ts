import {
  EXPORT_FORMATS,
  type ExportFormat,
  exportQuery,
  type StatedFilters,
} from '../../lib/schema';
import type { ExportSelection } from '../db/export-selection';
import { ApiFailure } from '../http/api-failure';
import type { AppDeps } from '../http/app-deps';
import { authenticateStaff } from '../http/authenticate-staff';
import { parseQuery } from '../http/parse-query';
import { studyIdParam } from '../http/study-id-param';
import type { Study } from '../studies/load-studies';

export interface ExportRequest {
  study: Study;
  format: ExportFormat;
  selection: ExportSelection;
  /** The filters as the dataset's files state them. */
  filters: StatedFilters;
}

export const EXPORT_QUERY_FORM =
  'Query parameters: study (required); format=events|episodes (default events); from and to, each an ISO date (2026-01-31, meaning 00:00 UTC) or a date-time with a time zone (2026-01-31T12:00:00Z), keeping the sessions that started at or after from and before to; annotated=true|false; nothing else.';

/**
 * Who may export (a researcher) and what: the study, the format and the filters, every
 * part checked before any data is read. The same for the data, its summary and datasheet.
 */
export async function exportRequest(
  deps: Pick<AppDeps, 'store' | 'studies' | 'researcherToken'>,
  authorization: string | undefined,
  query: Record<string, string>,
): Promise<ExportRequest> {
  await authenticateStaff(deps, authorization, ['researcher']);
  if (!query.study) {
    throw new ApiFailure(400, 'missing_study', 'Say which study to export: ?study=<id>.');
  }
  const studyId = studyIdParam(query.study);
  const study = deps.studies.get(studyId);
  if (!study) {
    throw new ApiFailure(404, 'unknown_study', `There is no study "${studyId}" on this collector.`);
  }
  const format = query.format ?? 'events';
  if (!isFormat(format)) {
    throw new ApiFailure(
      400,
      'unknown_format',
      `Unknown export format "${format}". Available: ${EXPORT_FORMATS.join(', ')}.`,
    );
  }
  const filters = parseQuery(query, exportQuery, {
    code: 'invalid_query',
    message: EXPORT_QUERY_FORM,
  });
  return {
    study,
    format,
    selection: {
      studyId: study.id,
      from: filters.from,
      to: filters.to,
      annotated: filters.annotated,
    },
    filters: {
      from: filters.from === undefined ? null : new Date(filters.from).toISOString(),
      to: filters.to === undefined ? null : new Date(filters.to).toISOString(),
      annotated: filters.annotated ?? null,
    },
  };
}

function isFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}
