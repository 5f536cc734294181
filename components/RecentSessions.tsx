import type { RecentSession } from '../lib/schema';

type Props = { sessions: RecentSession[]; uploads: boolean };

const time = (t: number) =>
  new Date(t).toLocaleString([], {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

const steps = (n: number) => `${n} ${n === 1 ? 'step' : 'steps'}`;

function describe(row: RecentSession, uploads: boolean): string {
  const percent = row.total === 0 ? 100 : Math.floor((row.sent / row.total) * 100);
  switch (row.status) {
    case 'recording':
      return 'recording now';
    case 'kept':
      return uploads ? 'not uploaded yet' : 'kept on this computer';
    case 'uploaded':
      return 'uploaded';
    case 'uploading':
      return `uploading ${percent}% (${row.sent} of ${row.total})`;
    case 'queued':
      return row.sent > 0 ? `queued, ${percent}% sent` : 'queued to upload';
    case 'failed':
      return 'upload failed';
  }
}

/** The newest sessions and where each stands, so the volunteer knows what left the computer. */
export function RecentSessions({ sessions, uploads }: Props) {
  if (sessions.length === 0) return null;
  return (
    <section aria-labelledby="recent-heading" class="recent">
      <h2 id="recent-heading">Recent sessions</h2>
      <ul class="upload-list">
        {sessions.map((row) => (
          <li key={row.session} data-status={row.status}>
            {time(row.startedAt)}, {steps(row.steps)}: <strong>{describe(row, uploads)}</strong>
            {row.error && (
              <span class={row.status === 'failed' ? 'error' : 'muted'}> {row.error}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
