import { useRef, useState } from 'preact/hooks';
import type { ReviewSessionDetail, ReviewStep, TaskSpan } from '../lib/schema';
import { stepRange, taskName } from '../lib/trace/check-tasks';
import { describeStep } from '../lib/trace/describe-step';
import { removeTask, updateTask } from '../lib/trace/edit-tasks';
import { formatWhen, plural } from '../lib/trace/format';
import type { ConfirmRequest } from './ReviewConfirm';
import type { StepSelection } from './use-step-selection';

type Options = {
  detail: ReviewSessionDetail;
  selection: StepSelection;
  /** The steps in the selection, in order. */
  selected: ReviewStep[];
  clearSelection: () => void;
  /** An upload is running: a batch on its way may still carry the deleted steps. */
  uploadRunning: boolean;
  onDeleteSteps: (seqs: number[], what: string) => Promise<boolean>;
  onDeleteSession: () => void;
  onSaveTasks: (tasks: TaskSpan[], done: string) => Promise<boolean>;
  onError: (message: string) => void;
};

/**
 * What review does to a session's steps and tasks: every deletion first asks in a
 * dialog, and afterwards focus goes somewhere that still exists.
 */
export function useSessionEdits(options: Options) {
  const { detail, selection, selected, clearSelection, uploadRunning } = options;
  const { session, steps, tasks } = detail;
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const stepsHeading = useRef<HTMLHeadingElement>(null);

  const afterDelete = () => {
    clearSelection();
    stepsHeading.current?.focus();
  };

  const askDelete = (doomed: ReviewStep[], title: string, what: string, message: string) => {
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
        void options
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
        ? `“${describeStep((selected[0] as ReviewStep).event).sentence}” will be removed from this computer.`
        : `${plural(selected.length, 'step')} will be removed from this computer.`,
    );
  };

  /**
   * Saves the task list. The control that asked may be gone afterwards (the selection
   * bar closes, a task is deleted), so focus goes to the step concerned, or the heading.
   */
  const saveTasks = (next: TaskSpan[], done: string, focusSeq?: number) => {
    void options.onSaveTasks(next, done).then((ok) => {
      if (!ok) return;
      clearSelection();
      setTimeout(() => {
        const target = focusSeq === undefined ? null : document.getElementById(`step-${focusSeq}`);
        (target ?? stepsHeading.current)?.focus();
      });
    });
  };

  return {
    confirm,
    closeConfirm: () => setConfirm(null),
    stepsHeading,
    deleteSelection,
    /** Saves the tasks `edit` makes, or shows why it refused. */
    attempt: (edit: () => TaskSpan[], done: string, focusSeq: number) => {
      try {
        saveTasks(edit(), done, focusSeq);
      } catch (error) {
        options.onError((error as Error).message);
      }
    },
    saveTask: (index: number, change: Pick<TaskSpan, 'goal' | 'outcome'>) =>
      saveTasks(updateTask(tasks, index, change), `Saved task ${index + 1}.`),
    askDeleteTask: (index: number) => {
      const task = tasks[index] as TaskSpan;
      setConfirm({
        title: `Delete task ${index + 1}?`,
        message: `Task ${taskName(task)} will be removed; its steps stay in the session.`,
        alreadyUploaded: 0,
        confirmLabel: 'Delete task',
        onConfirm: () =>
          saveTasks(removeTask(tasks, index), `Deleted task ${index + 1}; its steps stay.`),
      });
    },
    askDeleteTaskSteps: (index: number) => {
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
    },
    askDeleteSession: () =>
      setConfirm({
        title: 'Delete this session?',
        message: `The session from ${formatWhen(session.startedAt)}, its ${plural(session.eventCount, 'step')} and its tasks will be removed from this computer.`,
        alreadyUploaded: session.uploadedCount,
        ...(session.recording
          ? { note: 'Recording goes on: the next step you take starts a new session.' }
          : {}),
        confirmLabel: 'Delete session',
        onConfirm: options.onDeleteSession,
      }),
  };
}
