import type { TraceEvent } from '../lib/schema';
import { describeStep } from '../lib/trace/describe-step';
import { formatOffset } from '../lib/trace/format';
import { StepIcon } from './StepIcon';

/** A task boundary on a step: the annotator's own, or the volunteer's as a suggestion. */
export type StepMark = { by: 'annotator' | 'volunteer'; label: string; color?: number };

type Props = {
  id: string;
  index: number;
  event: TraceEvent;
  /** The session's start: the step shows its time as an offset from it. */
  startedAt: number;
  selected: boolean;
  /** 1-based number of the (annotator's) task this step belongs to, if any. */
  task: number | null;
  /** Within a task the volunteer marked. */
  suggested: boolean;
  marks: readonly StepMark[];
};

/**
 * One recorded event as a step of a timeline: icon, sentence, where and when, in the
 * words of `describeStep` and numbered as the review page numbers steps (by sequence
 * number), so the extension and the collector say the same thing about the same step.
 * Rendered as an option of the listbox `Timeline` manages.
 */
export function TimelineStep({
  id,
  index,
  event,
  startedAt,
  selected,
  task,
  suggested,
  marks,
}: Props) {
  const step = describeStep(event);
  const classes = ['tl-step'];
  if (selected) classes.push('current');
  if (task !== null) classes.push('in-task', `task-color-${(task - 1) % 4}`);
  if (suggested) classes.push('suggested');
  return (
    // The listbox keeps the focus and points at the selected option (aria-activedescendant).
    // biome-ignore lint/a11y/useFocusableInteractive: options of an activedescendant listbox take no focus
    <div
      id={id}
      role="option"
      aria-selected={selected}
      class={classes.join(' ')}
      data-index={index}
      data-seq={event.seq}
    >
      <span class="tl-rail-volunteer" aria-hidden="true" />
      <span class="tl-rail-task" aria-hidden="true" />
      <span class="tl-icon" aria-hidden="true">
        <StepIcon name={step.icon} />
      </span>
      <span class="tl-body">
        <span class="tl-sentence">{step.sentence}</span>
        {step.where && <span class="tl-where">{step.where}</span>}
        {marks.length > 0 && (
          <span class="tl-marks">
            {marks.map((mark) => (
              <span
                key={`${mark.by}-${mark.label}`}
                class={`tl-mark ${mark.by}${mark.color === undefined ? '' : ` task-color-${mark.color}`}`}
              >
                {mark.label}
              </span>
            ))}
          </span>
        )}
      </span>
      <span class="tl-time">
        <span>Step {event.seq + 1}</span>
        <span>{formatOffset(event.t - startedAt)}</span>
      </span>
    </div>
  );
}
