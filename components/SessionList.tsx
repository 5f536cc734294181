import type { SessionSummary } from '../lib/schema';

type Props = {
  sessions: readonly SessionSummary[];
  hrefFor: (id: string) => string;
  /** Opens a session in the page (the link still works as a link). */
  onOpen: (id: string) => void;
};

export const sessionStarted = (t: number) =>
  new Date(t).toLocaleString('en', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/** Uploaded sessions, one a row, each opening its timeline. */
export function SessionList({ sessions, hrefFor, onOpen }: Props) {
  if (sessions.length === 0) {
    return <p class="muted">No sessions match these filters.</p>;
  }
  return (
    <table class="data sessions">
      <caption class="visually-hidden">Sessions</caption>
      <thead>
        <tr>
          <th scope="col">Session started</th>
          <th scope="col">Participant</th>
          <th scope="col" class="num">
            Events
          </th>
          <th scope="col" class="num">
            Volunteer tasks
          </th>
          <th scope="col">Annotation</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((row) => (
          <tr key={row.id} data-session={row.id}>
            <td>
              <a
                href={hrefFor(row.id)}
                onClick={(event) => {
                  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey)
                    return;
                  event.preventDefault();
                  onOpen(row.id);
                }}
              >
                {sessionStarted(row.startedAt)}
              </a>
            </td>
            <td>
              <code>{row.participant}</code>
            </td>
            <td class="num">{row.events}</td>
            <td class="num">{row.volunteerTasks}</td>
            <td>
              {row.annotated ? (
                <span class="badge ok">annotated (v{row.annotationVersion})</span>
              ) : (
                <span class="badge">not yet</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
