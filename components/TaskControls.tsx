import { useState } from 'preact/hooks';
import type { ExtensionState } from '../lib/schema';

type Props = {
  task: ExtensionState['task'];
  busy: boolean;
  disabled: boolean;
  onStart: (goal: string) => void;
  onEnd: (outcome: 'done' | 'gave-up') => void;
};

/** The volunteer marks where a task starts and how it ended; a short goal says what it was. */
export function TaskControls({ task, busy, disabled, onStart, onEnd }: Props) {
  const [asking, setAsking] = useState(false);
  const [goal, setGoal] = useState('');
  if (task) {
    return (
      <section class="task" aria-labelledby="task-title">
        <p id="task-title">
          Task: <strong>{task.goal}</strong>
        </p>
        <fieldset class="end-task">
          <legend>End task</legend>
          <div class="actions start">
            <button type="button" disabled={busy} onClick={() => onEnd('done')}>
              Done
            </button>
            <button type="button" disabled={busy} onClick={() => onEnd('gave-up')}>
              Gave up
            </button>
          </div>
        </fieldset>
      </section>
    );
  }
  if (!asking) {
    return (
      <button type="button" disabled={busy || disabled} onClick={() => setAsking(true)}>
        Start task
      </button>
    );
  }
  return (
    <form
      class="task"
      onSubmit={(event) => {
        event.preventDefault();
        if (goal.trim() === '') return;
        onStart(goal.trim());
        setGoal('');
        setAsking(false);
      }}
    >
      <label for="task-goal">Goal</label>
      <input
        id="task-goal"
        type="text"
        maxLength={500}
        placeholder="e.g. Buy a desk lamp under 40 €"
        value={goal}
        // Focus moves here when the volunteer chose to start a task.
        // biome-ignore lint/a11y/noAutofocus: the field appears because the volunteer asked for it
        autoFocus
        onInput={(event) => setGoal(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setAsking(false);
        }}
      />
      <p class="muted">Only this goal is recorded, as you write it; keep it short.</p>
      <div class="actions start">
        <button type="submit" class="primary" disabled={busy || goal.trim() === ''}>
          Start
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
