import type { TaskSpan } from '../lib/schema';
import { stepRange } from '../lib/trace/check-tasks';

type Outcome = TaskSpan['outcome'];

const OUTCOMES: { value: Outcome; label: string }[] = [
  { value: 'done', label: 'Done' },
  { value: 'gave-up', label: 'Gave up' },
  { value: 'unknown', label: 'Unknown' },
];

const OUTCOME_TEXT: Record<Outcome, string> = {
  done: 'done',
  'gave-up': 'gave up',
  unknown: 'outcome unknown',
};

type Props = {
  tasks: readonly TaskSpan[];
  /** The step selected in the timeline, described; null when the session has none. */
  currentStep: string | null;
  /** Why the last edit was refused, if it was. */
  notice: string | null;
  /** The volunteer's own tasks, offered as a starting point. */
  suggestions: readonly TaskSpan[];
  disabled?: boolean;
  onChange: (index: number, task: TaskSpan) => void;
  onRemove: (index: number) => void;
  /** A task starts at the selected step (`s`). */
  onStart: () => void;
  /** The task started last at or before the selected step ends there (`e`). */
  onEnd: () => void;
  onMoveStart: (index: number) => void;
  onMoveEnd: (index: number) => void;
  onUseSuggestions: () => void;
};

/**
 * Where each task of a session starts and ends, its goal and its outcome. Boundaries are
 * set on the step selected in the timeline; the volunteer's own tasks are suggestions.
 */
export function TaskSpanEditor({
  tasks,
  currentStep,
  notice,
  suggestions,
  disabled = false,
  onChange,
  onRemove,
  onStart,
  onEnd,
  onMoveStart,
  onMoveEnd,
  onUseSuggestions,
}: Props) {
  const noStep = currentStep === null || disabled;
  return (
    <section class="span-editor" aria-labelledby="tasks-title">
      <h2 id="tasks-title">Tasks</h2>
      <p class="muted small span-current">Selected: {currentStep ?? 'no step'}</p>
      <div class="actions start wrap span-actions">
        <button type="button" disabled={noStep} aria-keyshortcuts="s" onClick={onStart}>
          Start task here{' '}
          <span aria-hidden="true">
            <kbd>s</kbd>
          </span>
        </button>
        <button
          type="button"
          disabled={noStep || tasks.length === 0}
          aria-keyshortcuts="e"
          onClick={onEnd}
        >
          End task here{' '}
          <span aria-hidden="true">
            <kbd>e</kbd>
          </span>
        </button>
      </div>
      <p class="span-notice small" role="status">
        {notice}
      </p>
      {tasks.length === 0 ? (
        <p class="muted">
          No tasks yet. Select the step where a task begins and press <kbd>s</kbd>, then the step
          where it ends and press <kbd>e</kbd>.
        </p>
      ) : (
        <ol class="span-list">
          {tasks.map((task, i) => {
            const n = i + 1;
            return (
              <li
                key={`${task.start}-${i}`}
                class={`span-card task-color-${i % 4}`}
                data-testid={`task-${n}`}
                aria-labelledby={`task-${i}-title`}
              >
                <div class="span-card-head">
                  <h3 id={`task-${i}-title`}>Task {n}</h3>
                  <span class="muted small">{stepRange(task.start, task.end)}</span>
                </div>
                <label for={`task-${i}-goal`}>Goal</label>
                <input
                  id={`task-${i}-goal`}
                  type="text"
                  maxLength={500}
                  value={task.goal ?? ''}
                  disabled={disabled}
                  placeholder="What the volunteer set out to do"
                  onInput={(event) =>
                    onChange(i, {
                      ...task,
                      goal: event.currentTarget.value === '' ? null : event.currentTarget.value,
                    })
                  }
                />
                <label for={`task-${i}-outcome`}>Outcome</label>
                <select
                  id={`task-${i}-outcome`}
                  value={task.outcome}
                  disabled={disabled}
                  onChange={(event) =>
                    onChange(i, { ...task, outcome: event.currentTarget.value as Outcome })
                  }
                >
                  {OUTCOMES.map((outcome) => (
                    <option key={outcome.value} value={outcome.value}>
                      {outcome.label}
                    </option>
                  ))}
                </select>
                <div class="span-card-actions">
                  <button type="button" disabled={noStep} onClick={() => onMoveStart(i)}>
                    Move start here<span class="visually-hidden"> (task {n})</span>
                  </button>
                  <button type="button" disabled={noStep} onClick={() => onMoveEnd(i)}>
                    Move end here<span class="visually-hidden"> (task {n})</span>
                  </button>
                  <button
                    type="button"
                    class="link-button"
                    disabled={disabled}
                    onClick={() => onRemove(i)}
                  >
                    Remove task {n}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {suggestions.length > 0 && (
        <section class="span-suggestions" aria-labelledby="suggestions-title">
          <h3 id="suggestions-title">The volunteer's tasks</h3>
          <p class="muted small">
            Marked by the volunteer; shown with dashed marks in the timeline.
          </p>
          <ol>
            {suggestions.map((task) => (
              <li key={`${task.start}-${task.end}`}>
                {task.goal ? `“${task.goal}”` : 'No goal given'}{' '}
                <span class="muted">
                  ({stepRange(task.start, task.end)}, {OUTCOME_TEXT[task.outcome]})
                </span>
              </li>
            ))}
          </ol>
          <button type="button" disabled={disabled} onClick={onUseSuggestions}>
            Use volunteer's tasks
          </button>
        </section>
      )}
    </section>
  );
}
