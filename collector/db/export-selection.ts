/** The sessions an export takes: a study's, of participants not erased, maybe filtered. */
export interface ExportSelection {
  studyId: string;
  /** Sessions that started at or after this time (ms since the epoch). */
  from: number | undefined;
  /** Sessions that started before this time (ms since the epoch). */
  to: number | undefined;
  /** Only sessions an annotator has (true) or has not (false) saved tasks for. */
  annotated: boolean | undefined;
}

/**
 * The filters as SQL conditions on sessions `s`, numbered from `$first`: only the filters
 * set, so an export without filters runs exactly the plain query and needs no sessions
 * join. Built from fixed fragments; values go in as parameters.
 */
export function sessionConditions(
  selection: ExportSelection,
  first: number,
): { sql: string; params: unknown[]; any: boolean } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const next = () => `$${first + params.length}`;
  if (selection.from !== undefined) {
    parts.push(`and s.started_at >= ${next()}`);
    params.push(selection.from);
  }
  if (selection.to !== undefined) {
    parts.push(`and s.started_at < ${next()}`);
    params.push(selection.to);
  }
  if (selection.annotated !== undefined) {
    parts.push(
      `and exists (select 1 from session_tasks a where a.session_id = s.id and a.by = 'annotator') = ${next()}::boolean`,
    );
    params.push(selection.annotated);
  }
  return { sql: parts.join('\n       '), params, any: parts.length > 0 };
}
