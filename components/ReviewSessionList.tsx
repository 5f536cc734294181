import type { ExtensionState, ReviewList } from '../lib/schema';
import { formatDuration, formatWhen, plural } from '../lib/trace/format';
import { ReviewUploadQueue } from './ReviewUploadQueue';
import { ReviewUploadState } from './ReviewUploadState';
import { type UploadRow, uploadState } from './upload-state';

type Props = {
  list: ReviewList;
  upload: ExtensionState['upload'] | null;
  busy: boolean;
  onOpen: (id: string) => void;
  onUploadAll: () => void;
  onExport: () => void;
  onRejoin: () => void;
  onOpenOptions: () => void;
};

/** Every session on this computer, newest first, with its size and upload state. */
export function ReviewSessionList(props: Props) {
  const { list, upload, busy } = props;
  const rows = new Map<string, UploadRow>(upload?.sessions.map((row) => [row.session, row]));
  const states = list.sessions.map((session) =>
    uploadState(session, rows.get(session.id), list.mode),
  );
  const waiting = states.reduce((sum, state) => sum + state.pending, 0);
  return (
    <>
      <h1>Review your recordings</h1>
      <p class="review-lead">
        {list.mode === 'study' && list.studyName ? `${list.studyName}. ` : ''}
        Open a session to read it step by step, delete anything you would rather not share, and see
        exactly what an upload sends.
      </p>
      {list.mode === 'local' && (
        <section class="card review-local" aria-labelledby="local-title">
          <h2 id="local-title">Recording for yourself: nothing is uploaded</h2>
          <p>Your sessions stay on this computer. You can save them as a JSONL file.</p>
          <button
            type="button"
            disabled={busy || list.sessions.length === 0}
            onClick={props.onExport}
          >
            Export as JSONL
          </button>
        </section>
      )}
      {list.mode === 'study' && upload && (
        <ReviewUploadQueue upload={upload} busy={busy} onRejoin={props.onRejoin} />
      )}
      <section aria-labelledby="sessions-title">
        <div class="review-heading-row">
          <h2 id="sessions-title">Sessions on this computer</h2>
          {list.mode === 'study' && list.sessions.length > 0 && (
            <button
              type="button"
              class="primary"
              disabled={busy || waiting === 0}
              onClick={props.onUploadAll}
            >
              Upload all
            </button>
          )}
        </div>
        {list.mode === 'study' && list.sessions.length > 0 && (
          <p class="review-lead" role="status" data-testid="waiting-summary">
            {waiting === 0
              ? 'Nothing is waiting to upload.'
              : `${plural(waiting, 'step')} waiting to upload. Nothing leaves this computer until you press Upload.`}
          </p>
        )}
        {list.sessions.length === 0 ? (
          <div class="card review-empty">
            <p>
              <strong>Nothing recorded yet.</strong>{' '}
              {list.mode === 'none'
                ? 'Join a study, or record for yourself, from Options; your sessions then appear here.'
                : 'Sessions appear here as soon as you use one of your sites while recording.'}
            </p>
            {list.mode === 'none' && (
              <button type="button" onClick={props.onOpenOptions}>
                Open Options
              </button>
            )}
          </div>
        ) : (
          <div class="review-table-wrap">
            <table class="review-table">
              <thead>
                <tr>
                  <th scope="col">Started</th>
                  <th scope="col">Duration</th>
                  <th scope="col" class="number">
                    Steps
                  </th>
                  <th scope="col" class="number">
                    Tasks
                  </th>
                  <th scope="col">Upload</th>
                </tr>
              </thead>
              <tbody>
                {list.sessions.map((session, index) => (
                  <tr key={session.id} data-session={session.id}>
                    <th scope="row">
                      <a
                        href={`?session=${session.id}`}
                        onClick={(event) => {
                          if (event.ctrlKey || event.metaKey || event.shiftKey) return;
                          event.preventDefault();
                          props.onOpen(session.id);
                        }}
                      >
                        {formatWhen(session.startedAt)}
                      </a>
                      {session.recording && <span class="badge live">recording</span>}
                    </th>
                    <td>{formatDuration(session.lastEventAt - session.startedAt)}</td>
                    <td class="number">{session.eventCount}</td>
                    <td class="number">{session.taskCount}</td>
                    <td>
                      <ReviewUploadState state={states[index] as (typeof states)[number]} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
