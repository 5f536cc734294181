import type { UploadDisplay } from './upload-state';

/** A session's upload state: a word, progress while it runs, and why if it failed. */
export function ReviewUploadState({ state }: { state: UploadDisplay }) {
  return (
    <span class={`rv-upload ${state.tone}`}>
      <span class="rv-upload-text">{state.text}</span>
      {state.percent !== null && (
        <progress max={100} value={state.percent} aria-label={`Upload: ${state.text}`} />
      )}
      {state.detail && <span class="rv-upload-detail">{state.detail}</span>}
    </span>
  );
}
