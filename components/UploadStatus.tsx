import type { ExtensionState } from '../lib/messaging/protocol';

type Props = { upload: ExtensionState['upload']; busy: boolean; onRejoin: () => void };

const time = (t: number) =>
  new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function describe(row: ExtensionState['upload']['sessions'][number]): string {
  const percent = row.total === 0 ? 100 : Math.floor((row.sent / row.total) * 100);
  switch (row.status) {
    case 'uploaded':
      return 'uploaded';
    case 'uploading':
      return `uploading ${percent}% (${row.sent} of ${row.total})`;
    case 'queued':
      return row.sent > 0 ? `queued, ${percent}% sent` : 'queued';
    case 'failed':
      return 'failed';
  }
}

/** Per-session upload progress and why anything waits, in words. */
export function UploadStatus({ upload, busy, onRejoin }: Props) {
  return (
    <section aria-label="Uploads" class="uploads">
      {upload.blocked && (
        <div class="warning" role="alert">
          <p>{upload.blocked}</p>
          <button type="button" class="primary" disabled={busy} onClick={onRejoin}>
            Rejoin the study
          </button>
        </div>
      )}
      {upload.retryAt !== null && (
        <p class="muted" role="status">
          Retrying at {new Date(upload.retryAt).toLocaleTimeString()}
          {upload.lastError ? ` — ${upload.lastError}` : ''}
        </p>
      )}
      {upload.sessions.length > 0 && (
        <ul class="upload-list">
          {upload.sessions.slice(0, 5).map((row) => (
            <li key={row.session} data-status={row.status}>
              Session from {time(row.startedAt)}: <strong>{describe(row)}</strong>
              {row.error && (
                <span class={row.status === 'failed' ? 'error' : 'muted'}> {row.error}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
