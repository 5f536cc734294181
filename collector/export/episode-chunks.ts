import { datasetTasks } from '../annotation/chosen-tasks';
import { toEpisodes } from '../annotation/to-episodes';
import { EXPORT_SESSION_PAGE } from '../common/limits';
import type { ExportSelection } from '../db/export-selection';
import type { SavedTaskLists, SessionRecord, Store } from '../db/store';
import type { NextChunk } from './pull-stream';

/**
 * `episodes.jsonl`, session by session: sessions in pages of EXPORT_SESSION_PAGE (with
 * their saved task lists), then one session's events at a time, from its start, since a
 * task's first actions are grounded in what the page showed before it began. Memory is
 * bounded by the largest session (its events and its observations folded), however many
 * the study has.
 */
export async function episodeChunks(store: Store, selection: ExportSelection) {
  let sessions: SessionRecord[] = [];
  let saved = new Map<string, SavedTaskLists>();
  let after: string | undefined;
  let more = true;
  const readSessions = async () => {
    sessions = await store.readExportSessionsPage(selection, after, EXPORT_SESSION_PAGE);
    more = sessions.length === EXPORT_SESSION_PAGE;
    after = sessions.at(-1)?.id;
    saved = await store.readSessionTasks(sessions.map((session) => session.id));
  };
  // Only the first page of sessions before answering: a study with many sessions and
  // few tasks would otherwise keep the client waiting for its headers.
  await readSessions();
  const next: NextChunk = async () => {
    for (;;) {
      if (sessions.length === 0) {
        if (!more) return null;
        await readSessions();
      }
      const session = sessions.shift();
      if (!session) return null;
      const rows = await store.readSessionEvents(session.id);
      const lines = toEpisodes(
        rows,
        datasetTasks(
          saved.get(session.id),
          rows.map((row) => row.event),
        ),
      );
      // A session without tasks adds no line: go on to the next rather than send nothing.
      if (lines.length > 0) return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
    }
  };
  return { next };
}
