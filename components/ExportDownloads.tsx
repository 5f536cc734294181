export type ExportFormat = 'events' | 'episodes';

export type DownloadState =
  | { kind: 'idle' }
  | { kind: 'downloading'; format: ExportFormat; bytes: number }
  | { kind: 'done'; file: string; bytes: number }
  | { kind: 'failed'; format: ExportFormat; message: string };

type Props = {
  study: string;
  state: DownloadState;
  onDownload: (format: ExportFormat) => void;
};

const FORMATS: { format: ExportFormat; label: string; what: string }[] = [
  { format: 'events', label: 'Download events', what: 'one recorded event a line' },
  {
    format: 'episodes',
    label: 'Download episodes',
    what: 'one task a line: goal, outcome, who set its boundaries, its actions',
  },
];

export function formatBytes(bytes: number): string {
  if (bytes < 100_000) return `${Math.ceil(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The dataset's two JSONL files; progress while they stream, errors in words. */
export function ExportDownloads({ study, state, onDownload }: Props) {
  const busy = state.kind === 'downloading';
  return (
    <div class="exports">
      <ul class="export-list">
        {FORMATS.map(({ format, label, what }) => (
          <li key={format}>
            <button
              type="button"
              disabled={busy}
              onClick={() => onDownload(format)}
              data-testid={`export-${format}`}
            >
              {label}
            </button>
            <span class="muted small">
              <code>
                {study}-{format}.jsonl
              </code>
              : {what}
            </span>
          </li>
        ))}
      </ul>
      <p role="status" class="download-status">
        {state.kind === 'downloading' && `Downloading… ${formatBytes(state.bytes)}`}
        {state.kind === 'done' && `Saved ${state.file} (${formatBytes(state.bytes)}).`}
      </p>
      {state.kind === 'failed' && (
        <p class="error" role="alert">
          The {state.format} export failed: {state.message}
        </p>
      )}
    </div>
  );
}
