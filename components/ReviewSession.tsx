import type { ExtensionState, ReviewSessionDetail, TaskSpan, UploadPreview } from '../lib/schema';
import { ReviewConfirm } from './ReviewConfirm';
import { ReviewPreview } from './ReviewPreview';
import { ReviewSelectionBar } from './ReviewSelectionBar';
import { ReviewSessionActions } from './ReviewSessionActions';
import { ReviewSessionFacts } from './ReviewSessionFacts';
import { ReviewSessionHeader } from './ReviewSessionHeader';
import { ReviewSessionSteps } from './ReviewSessionSteps';
import { type UploadRow, uploadState } from './upload-state';
import { useSessionEdits } from './use-session-edits';
import { useStepSelection } from './use-step-selection';

type Props = {
  detail: ReviewSessionDetail;
  upload: ExtensionState['upload'] | null;
  preview: UploadPreview | null;
  copied: boolean;
  busy: boolean;
  onBack: () => void;
  onUpload: () => void;
  onExport: () => void;
  onShowPreview: () => void;
  onHidePreview: () => void;
  onCopy: (json: string) => void;
  /** `what` names the steps for the notice afterwards: "step 4", "the steps of task 1". */
  onDeleteSteps: (seqs: number[], what: string) => Promise<boolean>;
  onDeleteSession: () => void;
  onSaveTasks: (tasks: TaskSpan[], done: string) => Promise<boolean>;
  onRejoin: () => void;
  onOpenOptions: () => void;
  onError: (message: string) => void;
};

/** One session, readable step by step, grouped by task, with everything review can do to it. */
export function ReviewSession(props: Props) {
  const { detail, upload, busy } = props;
  const { session, steps, tasks } = detail;
  const row = upload?.sessions.find((candidate) => candidate.session === session.id) as
    | UploadRow
    | undefined;
  const state = uploadState(session, row, detail.mode);
  const picked = useStepSelection(steps);
  const edits = useSessionEdits({
    detail,
    selection: picked.selection,
    selected: picked.selected,
    clearSelection: picked.clear,
    uploadRunning: state.tone === 'busy',
    onDeleteSteps: props.onDeleteSteps,
    onDeleteSession: props.onDeleteSession,
    onSaveTasks: props.onSaveTasks,
    onError: props.onError,
  });

  return (
    <>
      <ReviewSessionHeader session={session} onBack={props.onBack} />
      <ReviewSessionFacts detail={detail} state={state} />
      <ReviewSessionActions
        detail={detail}
        state={state}
        upload={upload}
        busy={busy}
        previewOpen={Boolean(props.preview)}
        onUpload={props.onUpload}
        onShowPreview={props.onShowPreview}
        onExport={props.onExport}
        onDeleteSession={edits.askDeleteSession}
        onRejoin={props.onRejoin}
      />
      {props.preview && (
        <ReviewPreview
          preview={props.preview}
          copied={props.copied}
          onCopy={props.onCopy}
          onClose={props.onHidePreview}
        />
      )}
      <ReviewSessionSteps
        detail={detail}
        headingRef={edits.stepsHeading}
        busy={busy}
        isSelected={picked.isSelected}
        onToggle={picked.toggle}
        onDeleteKey={(seq) => {
          if (picked.isSelected(seq)) edits.deleteSelection();
        }}
        onSaveTask={edits.saveTask}
        onDeleteTask={edits.askDeleteTask}
        onDeleteTaskSteps={edits.askDeleteTaskSteps}
      />
      {picked.selection && (
        <ReviewSelectionBar
          selection={picked.selection}
          count={picked.selected.length}
          tasks={tasks}
          lastSeq={picked.lastSeq}
          busy={busy}
          onDelete={edits.deleteSelection}
          onEdit={edits.attempt}
          onClear={picked.clear}
        />
      )}
      <ReviewConfirm
        request={edits.confirm}
        onDone={edits.closeConfirm}
        onOpenOptions={props.onOpenOptions}
      />
    </>
  );
}
