import type { ExtensionState } from '../lib/schema';
import { RecentSessions } from './RecentSessions';
import { TaskControls } from './TaskControls';
import { UploadStatus } from './UploadStatus';

type Props = {
  state: ExtensionState | null;
  busy: boolean;
  message: string | null;
  onTogglePause: () => void;
  onUpload: () => void;
  onRejoin: () => void;
  onReview: () => void;
  onStartTask: (goal: string) => void;
  onEndTask: (outcome: 'done' | 'gave-up') => void;
  onJoin: () => void;
  onReviewChanges: () => void;
  onOptions: () => void;
};

const PAUSED_BECAUSE = {
  quota:
    "Your browser's storage for tasktrace is full, so recording stopped. Upload to free space, then resume.",
  idle: 'Recording paused while you were away. Resume when you are ready.',
  volunteer: null,
} as const;

export function PopupView(props: Props) {
  const { state, busy, message, onTogglePause, onUpload, onJoin, onOptions } = props;
  if (!state) return <main class="popup muted">Loading…</main>;
  if (state.mode === 'none') {
    return (
      <main class="popup">
        <p class="status">Not recording</p>
        <p>You have not joined a study yet.</p>
        <button type="button" class="primary" onClick={onJoin}>
          Join a study
        </button>
        <button type="button" onClick={onOptions}>
          Record for yourself
        </button>
      </main>
    );
  }
  if (state.reconsent) {
    return (
      <main class="popup">
        <p class="status stopped" role="status">
          Stopped: the study changed
        </p>
        <p>
          {state.studyName} changed what it asks of you. Nothing is recorded until you agree again.
        </p>
        <button type="button" class="primary" onClick={props.onReviewChanges}>
          Review the changes
        </button>
        <button type="button" onClick={onOptions}>
          Options
        </button>
      </main>
    );
  }
  const count = state.session?.eventCount ?? 0;
  const reason = state.paused ? PAUSED_BECAUSE[state.pausedReason] : null;
  const notHere = state.here === 'not-in-study';
  return (
    <main class="popup">
      <p
        class={`status ${notHere ? 'elsewhere' : state.paused ? 'paused' : 'recording'}`}
        role="status"
      >
        {notHere
          ? state.mode === 'local'
            ? 'Site not in your sites'
            : 'Site not in study'
          : state.paused
            ? 'Paused'
            : state.here === 'recording'
              ? 'Recording this site'
              : 'Recording'}
      </p>
      {notHere && (
        <p class="muted">
          Nothing on this page is recorded. {state.paused ? 'Recording is paused.' : ''}
        </p>
      )}
      {reason && (
        <p class={state.pausedReason === 'quota' ? 'error' : 'muted'} role="alert">
          {reason}
        </p>
      )}
      <p class="muted">
        {state.mode === 'local' ? 'For yourself only; nothing is uploaded' : state.studyName}
      </p>
      <p>
        <span data-testid="session-event-count">{count}</span> {count === 1 ? 'step' : 'steps'} in
        this session
      </p>
      <TaskControls
        task={state.task}
        busy={busy}
        disabled={state.paused}
        onStart={props.onStartTask}
        onEnd={props.onEndTask}
      />
      <button type="button" class="primary" onClick={onTogglePause} disabled={busy}>
        {state.paused ? 'Resume recording' : 'Pause recording'}
      </button>
      <p class="muted shortcut">Shortcut: Alt+Shift+P</p>
      {state.mode === 'study' && (
        <>
          <p class="muted" data-testid="pending-upload">
            {state.pendingUpload === 0
              ? 'Everything is uploaded.'
              : `${state.pendingUpload} ${state.pendingUpload === 1 ? 'event' : 'events'} waiting to upload.`}
          </p>
          <button
            type="button"
            onClick={onUpload}
            disabled={busy || state.pendingUpload === 0 || state.upload.blocked !== null}
          >
            Upload now
          </button>
          <UploadStatus upload={state.upload} busy={busy} onRejoin={props.onRejoin} />
        </>
      )}
      <RecentSessions sessions={state.recent} uploads={state.mode === 'study'} />
      <div class="actions split">
        <button type="button" onClick={props.onReview}>
          Review
        </button>
        <button type="button" onClick={onOptions}>
          Options
        </button>
      </div>
      {message && (
        <p class="message" role="alert">
          {message}
        </p>
      )}
    </main>
  );
}
