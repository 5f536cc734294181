import type { ExtensionState } from '../lib/messaging/protocol';

type Props = {
  state: ExtensionState | null;
  busy: boolean;
  message: string | null;
  onTogglePause: () => void;
  onUpload: () => void;
  onJoin: () => void;
};

export function PopupView({ state, busy, message, onTogglePause, onUpload, onJoin }: Props) {
  if (!state) return <main class="popup muted">Loading…</main>;
  if (!state.enrolled) {
    return (
      <main class="popup">
        <p class="status">Not recording</p>
        <p>You have not joined a study yet.</p>
        <button type="button" class="primary" onClick={onJoin}>
          Join a study
        </button>
      </main>
    );
  }
  const count = state.session?.eventCount ?? 0;
  return (
    <main class="popup">
      <p class={`status ${state.paused ? 'paused' : 'recording'}`} role="status">
        {state.paused ? 'Paused' : 'Recording'}
      </p>
      {state.paused && state.pausedReason === 'quota' && (
        <p class="error" role="alert">
          Your browser's storage for tasktrace is full, so recording stopped. Upload to free space,
          then resume.
        </p>
      )}
      <p class="muted">{state.studyName}</p>
      <p>
        <span data-testid="session-event-count">{count}</span> {count === 1 ? 'event' : 'events'} in
        this session
      </p>
      <button type="button" class="primary" onClick={onTogglePause} disabled={busy}>
        {state.paused ? 'Resume recording' : 'Pause recording'}
      </button>
      <p class="muted" data-testid="pending-upload">
        {state.pendingUpload === 0
          ? 'Everything is uploaded.'
          : `${state.pendingUpload} ${state.pendingUpload === 1 ? 'event' : 'events'} waiting to upload.`}
      </p>
      <button type="button" onClick={onUpload} disabled={busy || state.pendingUpload === 0}>
        Upload now
      </button>
      {message && (
        <p class="message" role="alert">
          {message}
        </p>
      )}
    </main>
  );
}
