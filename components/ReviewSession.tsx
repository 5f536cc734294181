import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExtensionState, ReviewSessionDetail, TaskSpan, UploadPreview } from '../lib/schema';
import { stepRange, taskName } from '../lib/trace/check-tasks';
import { describeStep } from '../lib/trace/describe-step';
import {
  endTaskAt,
  removeTask,
  spanTask,
  startTaskAt,
  taskEndingAt,
  updateTask,
} from '../lib/trace/edit-tasks';
import { capitalise, formatDuration, formatWhen, plural } from '../lib/trace/format';
import { groupSteps } from '../lib/trace/group-steps';
import { type ConfirmRequest, ReviewConfirm } from './ReviewConfirm';
import { ReviewPreview } from './ReviewPreview';
import { ReviewUploadQueue } from './ReviewUploadQueue';
import { ReviewUploadState } from './ReviewUploadState';
import { StepList } from './StepList';
import { StepSelectionBar } from './StepSelectionBar';
import { type UploadRow, uploadState } from './upload-state';

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

type Selection = { from: number; to: number } | null;

/** One session, readable step by step, grouped by task, with everything review can do to it. */
export function ReviewSession(props: Props) {
  const { detail, upload, busy } = props;
  const { session, steps, tasks } = detail;
  const [selection, setSelection] = useState<Selection>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const stepsHeading = useRef<HTMLHeadingElement>(null);

  const seqs = useMemo(() => steps.map((step) => step.event.seq), [steps]);
  const groups = useMemo(() => groupSteps(steps, tasks), [steps, tasks]);
  const row = upload?.sessions.find((candidate) => candidate.session === session.id) as
    | UploadRow
    | undefined;
  const state = uploadState(session, row, detail.mode);
  const sentHere = steps.filter((step) => step.uploaded === 1).length;
  const pruned = session.eventCount - steps.length;
  const lastSeq = seqs.at(-1) ?? 0;
  const canUpload = detail.mode === 'study' && session.uploadable;
  const uploadRunning = state.tone === 'busy';

  // Steps deleted elsewhere (or a session that moved on) leave no stale selection.
  useEffect(() => {
    if (selection && !seqs.some((seq) => seq >= selection.from && seq <= selection.to)) {
      setSelection(null);
    }
  }, [seqs, selection]);

  const selected = selection
    ? steps.filter((step) => step.event.seq >= selection.from && step.event.seq <= selection.to)
    : [];

  const toggle = (seq: number) => {
    setSelection((current) => {
      if (!current) return { from: seq, to: seq };
      if (seq < current.from) return { from: seq, to: current.to };
      if (seq > current.to) return { from: current.from, to: seq };
      if (current.from === current.to) return null;
      const before = seqs.filter((other) => other < seq).at(-1) ?? current.from;
      const after = seqs.find((other) => other > seq) ?? current.to;
      if (seq === current.from) return { from: after, to: current.to };
      // Unselecting a step inside or at the end keeps the steps before it.
      return { from: current.from, to: before };
    });
  };

  const afterDelete = () => {
    setSelection(null);
    stepsHeading.current?.focus();
  };

  const askDelete = (doomed: typeof steps, title: string, what: string, message: string) => {
    setConfirm({
      title,
      message,
      alreadyUploaded: doomed.filter((step) => step.uploaded === 1).length,
      ...(uploadRunning
        ? {
            note: 'This session is uploading now: a step in the batch being sent at this moment may still reach the collector.',
          }
        : {}),
      onConfirm: () =>
        void props
          .onDeleteSteps(
            doomed.map((step) => step.event.seq),
            what,
          )
          .then((ok) => ok && afterDelete()),
    });
  };

  const deleteSelection = () => {
    if (!selection) return;
    const range = stepRange(selection.from, selection.to);
    askDelete(
      selected,
      `Delete ${range}?`,
      range,
      selected.length === 1
        ? `“${describeStep((selected[0] as (typeof steps)[number]).event).sentence}” will be removed from this computer.`
        : `${plural(selected.length, 'step')} will be removed from this computer.`,
    );
  };

  /**
   * Saves the task list. The control that asked may be gone afterwards (the selection
   * bar closes, a task is deleted), so focus goes to the step concerned, or the heading.
   */
  const saveTasks = (next: TaskSpan[], done: string, focusSeq?: number) => {
    void props.onSaveTasks(next, done).then((ok) => {
      if (!ok) return;
      setSelection(null);
      setTimeout(() => {
        const target = focusSeq === undefined ? null : document.getElementById(`step-${focusSeq}`);
        (target ?? stepsHeading.current)?.focus();
      });
    });
  };
  const attempt = (edit: () => TaskSpan[], done: string, focusSeq: number) => {
    try {
      saveTasks(edit(), done, focusSeq);
    } catch (error) {
      props.onError((error as Error).message);
    }
  };

  let span: { label: string } | { refused: string } | null = null;
  if (selection && selection.from !== selection.to) {
    const touched = tasks
      .map((task, index) => ({ task, index }))
      .filter(({ task }) => task.start <= selection.to && task.end >= selection.from);
    const range = stepRange(selection.from, selection.to);
    if (touched.length === 0) span = { label: `Make ${range} a task` };
    else if (touched.length === 1) {
      const only = touched[0] as { task: TaskSpan; index: number };
      const same = only.task.start === selection.from && only.task.end === selection.to;
      span = same ? null : { label: `Set task ${only.index + 1} to ${range}` };
    } else {
      span = {
        refused: `These steps touch ${touched.length} tasks: to make one task of them, delete a task first.`,
      };
    }
  }
  const single = selection && selection.from === selection.to ? selection.from : null;
  const ending = single === null ? -1 : taskEndingAt(tasks, single);

  return (
    <>
      <p class="review-back">
        <a
          href="?"
          onClick={(event) => {
            if (event.ctrlKey || event.metaKey || event.shiftKey) return;
            event.preventDefault();
            props.onBack();
          }}
        >
          ← All sessions
        </a>
      </p>
      <h1>Session from {formatWhen(session.startedAt)}</h1>
      {session.recording && (
        <p class="review-live" role="status">
          <span class="badge live">recording</span> Still recording: new steps appear here as they
          are recorded.
        </p>
      )}
      <dl class="facts review-facts">
        <dt>Duration</dt>
        <dd>
          {formatDuration(session.lastEventAt - session.startedAt)}, until{' '}
          {new Date(session.lastEventAt).toLocaleTimeString([], {
            hour: '2-digit',
            minute: '2-digit',
          })}
        </dd>
        <dt>Steps</dt>
        <dd data-testid="step-count">
          {plural(session.eventCount, 'step')}
          {session.uploadedCount > 0 && detail.mode === 'study'
            ? `, ${session.uploadedCount} already at the collector`
            : ''}
        </dd>
        <dt>Tasks</dt>
        <dd>
          {tasks.length === 0
            ? 'none marked'
            : `${tasks.length}, ${detail.tasksEdited ? 'as you set them here' : 'from your Start task and End task markers'}`}
        </dd>
        <dt>Upload</dt>
        <dd data-testid="upload-state" aria-live="polite">
          <ReviewUploadState state={state} />
        </dd>
      </dl>
      {uploadRunning && (
        <p class="review-wait">
          You can close this page while the session uploads: it goes on by itself.
        </p>
      )}
      {canUpload && upload && (
        <ReviewUploadQueue upload={upload} busy={busy} onRejoin={props.onRejoin} />
      )}
      <div class="actions start review-actions">
        {canUpload && (
          <button
            type="button"
            class="primary"
            disabled={busy || state.pending === 0 || uploadRunning}
            onClick={props.onUpload}
          >
            Upload session
          </button>
        )}
        {canUpload && !props.preview && (
          <button type="button" disabled={busy} onClick={props.onShowPreview}>
            Show exactly what will be uploaded
          </button>
        )}
        {detail.mode === 'local' && (
          <button type="button" disabled={busy} onClick={props.onExport}>
            Export as JSONL
          </button>
        )}
        <button
          type="button"
          class="danger"
          disabled={busy}
          onClick={() =>
            setConfirm({
              title: 'Delete this session?',
              message: `The session from ${formatWhen(session.startedAt)}, its ${plural(session.eventCount, 'step')} and its tasks will be removed from this computer.`,
              alreadyUploaded: session.uploadedCount,
              ...(session.recording
                ? { note: 'Recording goes on: the next step you take starts a new session.' }
                : {}),
              confirmLabel: 'Delete session',
              onConfirm: props.onDeleteSession,
            })
          }
        >
          Delete session
        </button>
      </div>
      {detail.mode === 'local' && (
        <p class="review-lead">Recording for yourself: nothing is uploaded.</p>
      )}
      {props.preview && (
        <ReviewPreview
          preview={props.preview}
          copied={props.copied}
          onCopy={props.onCopy}
          onClose={props.onHidePreview}
        />
      )}
      <section aria-labelledby="steps-title" class="review-steps">
        <h2 id="steps-title" ref={stepsHeading} tabIndex={-1}>
          Steps
        </h2>
        <p class="review-lead">
          Select a step to delete it or to mark where a task starts or ends; select a second step to
          select every step between. By keyboard: Space selects the step in focus; Delete deletes
          the selected steps.
          {sentHere > 0 &&
            ' Steps marked “at the collector” were already uploaded: deleting them here removes them from this computer only.'}
        </p>
        {pruned > 0 && (
          <p class="review-lead">
            {plural(pruned, 'uploaded step')} no longer {pruned === 1 ? 'shows' : 'show'} here: they
            were removed from this computer to free space after the collector had them.
          </p>
        )}
        {steps.length === 0 ? (
          <p class="card review-empty">No steps left in this session.</p>
        ) : (
          <StepList
            groups={groups}
            startedAt={session.startedAt}
            isSelected={(seq) => selection !== null && seq >= selection.from && seq <= selection.to}
            busy={busy}
            onToggle={toggle}
            onDeleteKey={(seq) => {
              if (selection && seq >= selection.from && seq <= selection.to) deleteSelection();
            }}
            onSaveTask={(index, change) =>
              saveTasks(updateTask(tasks, index, change), `Saved task ${index + 1}.`)
            }
            onDeleteTask={(index) => {
              const task = tasks[index] as TaskSpan;
              setConfirm({
                title: `Delete task ${index + 1}?`,
                message: `Task ${taskName(task)} will be removed; its steps stay in the session.`,
                alreadyUploaded: 0,
                confirmLabel: 'Delete task',
                onConfirm: () =>
                  saveTasks(removeTask(tasks, index), `Deleted task ${index + 1}; its steps stay.`),
              });
            }}
            onDeleteTaskSteps={(index) => {
              const task = tasks[index] as TaskSpan;
              const doomed = steps.filter(
                (step) => step.event.seq >= task.start && step.event.seq <= task.end,
              );
              askDelete(
                doomed,
                `Delete the steps of task ${index + 1}?`,
                `the ${plural(doomed.length, 'step')} of task ${index + 1}`,
                `Task ${taskName(task)} and its ${plural(doomed.length, 'step')} will be removed from this computer.`,
              );
            }}
          />
        )}
      </section>
      {selection && (
        <StepSelectionBar
          from={selection.from}
          to={selection.to}
          count={selected.length}
          busy={busy}
          canStart={single !== null && !tasks.some((task) => task.start === single)}
          canEnd={ending >= 0 && (tasks[ending] as TaskSpan).end !== single}
          span={span}
          onDelete={deleteSelection}
          onStart={() =>
            single !== null &&
            attempt(
              () => startTaskAt(tasks, single, lastSeq),
              `A task now starts at step ${single + 1}. Edit it to write its goal.`,
              single,
            )
          }
          onEnd={() =>
            single !== null &&
            attempt(
              () => endTaskAt(tasks, single),
              `Task ${ending + 1} now ends at step ${single + 1}.`,
              single,
            )
          }
          onSpan={() =>
            selection &&
            attempt(
              () => spanTask(tasks, selection.from, selection.to),
              `${capitalise(stepRange(selection.from, selection.to))} are now one task.`,
              selection.from,
            )
          }
          onClear={() => setSelection(null)}
        />
      )}
      <ReviewConfirm
        request={confirm}
        onDone={() => setConfirm(null)}
        onOpenOptions={props.onOpenOptions}
      />
    </>
  );
}
