import type { TaskSpan, TraceEvent } from '../lib/schema';
import type { StepGroup } from '../lib/trace/group-steps';
import { StepRow } from './StepRow';
import { TaskHeader } from './TaskHeader';

type Props = {
  groups: StepGroup[];
  /** The session's events in sequence order, for what the recorder saw at each step. */
  events: readonly TraceEvent[];
  startedAt: number;
  isSelected: (seq: number) => boolean;
  busy: boolean;
  onToggle: (seq: number) => void;
  /** The Delete key on a selected step. */
  onDeleteKey: (seq: number) => void;
  onSaveTask: (index: number, change: Pick<TaskSpan, 'goal' | 'outcome'>) => void;
  onDeleteTask: (index: number) => void;
  onDeleteTaskSteps: (index: number) => void;
};

/** The session's steps in order, each task's under its heading, the rest on their own. */
export function StepList(props: Props) {
  return (
    <div class="rv-groups">
      {props.groups.map((group) => {
        const rows = (
          <ol class="rv-steps">
            {group.steps.map((step) => (
              <StepRow
                key={step.event.seq}
                step={step}
                events={props.events}
                startedAt={props.startedAt}
                selected={props.isSelected(step.event.seq)}
                onToggle={props.onToggle}
                onDeleteKey={props.onDeleteKey}
              />
            ))}
          </ol>
        );
        if (group.task === null || group.index === null) {
          const first = group.steps[0]?.event.seq ?? 0;
          return (
            <section
              key={`outside-${first}`}
              class="rv-group rv-outside"
              aria-labelledby={`outside-${first}`}
            >
              <h3 id={`outside-${first}`} class="rv-outside-title">
                Not in a task
              </h3>
              {rows}
            </section>
          );
        }
        const index = group.index;
        return (
          <section
            key={`task-${group.task.start}`}
            class="rv-group rv-task"
            aria-labelledby={`task-${index + 1}-title`}
          >
            <TaskHeader
              task={group.task}
              number={index + 1}
              steps={group.steps.length}
              busy={props.busy}
              onSave={(change) => props.onSaveTask(index, change)}
              onDelete={() => props.onDeleteTask(index)}
              onDeleteSteps={() => props.onDeleteTaskSteps(index)}
            />
            {group.steps.length === 0 ? <p class="muted">No steps left in this task.</p> : rows}
          </section>
        );
      })}
    </div>
  );
}
