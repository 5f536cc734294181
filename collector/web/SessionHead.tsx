import { sessionStarted } from '../../components/SessionList';
import type { SessionDetail } from '../../lib/schema';

type Props = {
  session: SessionDetail['session'];
  steps: number;
  /** The annotation version the tasks were read at; 0 before anyone saved. */
  version: number;
  onHelp: () => void;
};

/** The session's title, whose it is, and the way to the keyboard shortcuts. */
export function SessionHead({ session, steps, version, onHelp }: Props) {
  return (
    <div class="page-head session-head">
      <div>
        <h1>Session of {sessionStarted(session.startedAt)}</h1>
        <p class="muted small">
          Study <code>{session.study}</code> · participant <code>{session.participant}</code> ·{' '}
          {steps} steps · {version === 0 ? 'not annotated yet' : `annotation version ${version}`}
        </p>
      </div>
      <button type="button" aria-keyshortcuts="?" onClick={onHelp}>
        Keyboard shortcuts{' '}
        <span aria-hidden="true">
          <kbd>?</kbd>
        </span>
      </button>
    </div>
  );
}
