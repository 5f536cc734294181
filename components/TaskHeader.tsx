import { useEffect, useRef, useState } from 'preact/hooks';
import type { TaskSpan } from '../lib/schema';
import { stepRange } from '../lib/trace/check-tasks';
import { capitalise, plural } from '../lib/trace/format';

export const OUTCOMES: Record<TaskSpan['outcome'], string> = {
  done: 'Done',
  'gave-up': 'Gave up',
  unknown: 'Outcome unknown',
};

type Props = {
  task: TaskSpan;
  /** 1-based, as the page names tasks. */
  number: number;
  steps: number;
  busy: boolean;
  onSave: (change: Pick<TaskSpan, 'goal' | 'outcome'>) => void;
  onDelete: () => void;
  onDeleteSteps: () => void;
};

/** A task's heading: its goal and outcome, which steps it spans, and what can be done to it. */
export function TaskHeader({ task, number, steps, busy, onSave, onDelete, onDeleteSteps }: Props) {
  const [editing, setEditing] = useState(false);
  const goalInput = useRef<HTMLInputElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  // Focus follows the form: into the goal when it opens, back to Edit when it closes.
  useEffect(() => {
    if (editing) goalInput.current?.focus();
    else if (opened.current) editButton.current?.focus();
    opened.current = editing;
  }, [editing]);
  const [goal, setGoal] = useState(task.goal ?? '');
  const [outcome, setOutcome] = useState(task.outcome);
  const prefix = `task-${number}`;
  const startEditing = () => {
    setGoal(task.goal ?? '');
    setOutcome(task.outcome);
    setEditing(true);
  };
  return (
    <div class="rv-task-head">
      <div class="rv-task-title">
        <h3 id={`${prefix}-title`}>
          Task {number}: {task.goal ?? <span class="rv-no-goal">no goal written yet</span>}
        </h3>
        <span class={`badge outcome ${task.outcome}`}>{OUTCOMES[task.outcome]}</span>
      </div>
      <p class="rv-task-span">
        {capitalise(stepRange(task.start, task.end))}
        {steps !== task.end - task.start + 1 && ` (${plural(steps, 'step')} left)`}
      </p>
      {editing ? (
        <form
          class="rv-task-form"
          onSubmit={(event) => {
            event.preventDefault();
            onSave({ goal: goal.trim() === '' ? null : goal.trim(), outcome });
            setEditing(false);
          }}
        >
          <label for={`${prefix}-goal`}>Goal</label>
          <input
            ref={goalInput}
            id={`${prefix}-goal`}
            type="text"
            maxLength={500}
            value={goal}
            placeholder="What you set out to do, e.g. Buy a desk lamp"
            onInput={(event) => setGoal(event.currentTarget.value)}
          />
          <fieldset class="rv-task-outcome">
            <legend>Outcome</legend>
            {(Object.keys(OUTCOMES) as TaskSpan['outcome'][]).map((value) => (
              <label key={value} class="rv-choice">
                <input
                  type="radio"
                  name={`${prefix}-outcome`}
                  value={value}
                  checked={outcome === value}
                  onChange={() => setOutcome(value)}
                />
                {value === 'unknown' ? 'Unknown' : OUTCOMES[value]}
              </label>
            ))}
          </fieldset>
          <div class="actions start">
            <button
              type="submit"
              class="primary"
              disabled={busy}
              aria-label={`Save task ${number}`}
            >
              Save task
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div class="actions start rv-task-actions">
          <button
            ref={editButton}
            type="button"
            disabled={busy}
            onClick={startEditing}
            aria-label={`Edit task ${number}`}
          >
            Edit
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={onDelete}
            aria-label={`Delete task ${number}`}
          >
            Delete task
          </button>
          <button
            type="button"
            disabled={busy || steps === 0}
            onClick={onDeleteSteps}
            aria-label={`Delete steps of task ${number}`}
          >
            Delete steps
          </button>
        </div>
      )}
    </div>
  );
}
