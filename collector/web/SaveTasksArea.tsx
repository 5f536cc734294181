import type { SaveState } from './use-session-page';

export const CONFLICT_MESSAGE =
  'Someone else saved this session first. Reload to see their changes.';

type Props = {
  save: SaveState;
  dirty: boolean;
  editing: boolean;
  onSave: () => void;
  /** After a conflict: read the session again, as someone else saved it. */
  onReload: () => void;
};

/** Saving the tasks: the button, where the save stands, and a conflict or failure. */
export function SaveTasksArea({ save, dirty, editing, onSave, onReload }: Props) {
  return (
    <div class="save-area">
      {save.kind === 'conflict' && (
        <div class="warning conflict" role="alert">
          <p>{CONFLICT_MESSAGE}</p>
          <button type="button" class="primary" onClick={onReload}>
            Reload
          </button>
        </div>
      )}
      {save.kind === 'failed' && (
        <p class="error" role="alert">
          Not saved: {save.message}
        </p>
      )}
      <div class="save-bar">
        <button type="button" class="primary" disabled={!dirty || !editing} onClick={onSave}>
          {save.kind === 'saving' ? 'Saving…' : 'Save tasks'}
        </button>
        <p role="status" class="small">
          {save.kind === 'saved' && `Saved as version ${save.version}.`}
          {save.kind === 'idle' && (dirty ? 'Unsaved changes.' : 'No unsaved changes.')}
        </p>
      </div>
    </div>
  );
}
