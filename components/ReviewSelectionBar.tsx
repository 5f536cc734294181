import type { TaskSpan } from '../lib/schema';
import { stepRange } from '../lib/trace/check-tasks';
import { endTaskAt, spanTask, startTaskAt, taskEndingAt } from '../lib/trace/edit-tasks';
import { capitalise } from '../lib/trace/format';
import { StepSelectionBar } from './StepSelectionBar';

type Props = {
  selection: { from: number; to: number };
  /** Steps kept in the selection. */
  count: number;
  tasks: TaskSpan[];
  /** The session's last step: a task started by hand runs up to it at most. */
  lastSeq: number;
  busy: boolean;
  onDelete: () => void;
  /** Saves the tasks `edit` makes; `done` is the notice, `focusSeq` the step to focus. */
  onEdit: (edit: () => TaskSpan[], done: string, focusSeq: number) => void;
  onClear: () => void;
};

type Span = { label: string } | { refused: string } | null;

/** Making a range one task: offered, refused with the reason, or moot when it already is. */
function spanOffer(tasks: TaskSpan[], selection: { from: number; to: number }): Span {
  if (selection.from === selection.to) return null;
  const touched = tasks
    .map((task, index) => ({ task, index }))
    .filter(({ task }) => task.start <= selection.to && task.end >= selection.from);
  const range = stepRange(selection.from, selection.to);
  if (touched.length === 0) return { label: `Make ${range} a task` };
  if (touched.length === 1) {
    const only = touched[0] as { task: TaskSpan; index: number };
    const same = only.task.start === selection.from && only.task.end === selection.to;
    return same ? null : { label: `Set task ${only.index + 1} to ${range}` };
  }
  return {
    refused: `These steps touch ${touched.length} tasks: to make one task of them, delete a task first.`,
  };
}

/** The selection bar with only the task edits that make sense for the selected steps. */
export function ReviewSelectionBar(props: Props) {
  const { selection, tasks, onEdit } = props;
  const single = selection.from === selection.to ? selection.from : null;
  const ending = single === null ? -1 : taskEndingAt(tasks, single);
  return (
    <StepSelectionBar
      from={selection.from}
      to={selection.to}
      count={props.count}
      busy={props.busy}
      canStart={single !== null && !tasks.some((task) => task.start === single)}
      canEnd={ending >= 0 && (tasks[ending] as TaskSpan).end !== single}
      span={spanOffer(tasks, selection)}
      onDelete={props.onDelete}
      onStart={() =>
        single !== null &&
        onEdit(
          () => startTaskAt(tasks, single, props.lastSeq),
          `A task now starts at step ${single + 1}. Edit it to write its goal.`,
          single,
        )
      }
      onEnd={() =>
        single !== null &&
        onEdit(
          () => endTaskAt(tasks, single),
          `Task ${ending + 1} now ends at step ${single + 1}.`,
          single,
        )
      }
      onSpan={() =>
        onEdit(
          () => spanTask(tasks, selection.from, selection.to),
          `${capitalise(stepRange(selection.from, selection.to))} are now one task.`,
          selection.from,
        )
      }
      onClear={props.onClear}
    />
  );
}
