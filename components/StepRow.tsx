import { useState } from 'preact/hooks';
import type { ReviewStep, TraceEvent } from '../lib/schema';
import { describeStep } from '../lib/trace/describe-step';
import { formatOffset } from '../lib/trace/format';
import { isPageStep } from '../lib/trace/observation-at-step';
import { StepIcon } from './StepIcon';
import { StepObservation } from './StepObservation';

type Props = {
  step: ReviewStep;
  /** The session's events in sequence order: what the recorder saw is read from them. */
  events: readonly TraceEvent[];
  startedAt: number;
  selected: boolean;
  onToggle: (seq: number) => void;
  onDeleteKey: (seq: number) => void;
};

/**
 * One recorded event as a sentence: a checkbox to select it (named "Step N" and the
 * sentence), where it happened, when, and whether the collector already has it. A step
 * on a page can open what the recorder saw of the page then; an observation (the
 * page's layout seen) is a compact row, selected and deleted like any other step.
 */
export function StepRow({ step, events, startedAt, selected, onToggle, onDeleteKey }: Props) {
  const { event, uploaded } = step;
  const { icon, sentence, where } = describeStep(event);
  const [open, setOpen] = useState(false);
  const id = `step-${event.seq}`;
  const classes = ['rv-step'];
  if (event.kind === 'observation') classes.push('rv-step-observation');
  if (open) classes.push('rv-step-open');
  return (
    <li class={classes.join(' ')} data-seq={event.seq} data-selected={selected || undefined}>
      <input
        type="checkbox"
        id={id}
        checked={selected}
        aria-describedby={where && !sentence.includes(where) ? `${id}-where` : undefined}
        onChange={() => onToggle(event.seq)}
        onKeyDown={(key) => {
          if (key.key === 'Delete' && selected) {
            key.preventDefault();
            onDeleteKey(event.seq);
          }
        }}
      />
      <label for={id} class="rv-step-label">
        <span class="rv-step-number">Step {event.seq + 1}</span>
        <span class="rv-step-icon" aria-hidden="true">
          <StepIcon name={icon} />
        </span>
        <span class="rv-step-sentence">
          {sentence}
          {uploaded === 1 && (
            <>
              {' '}
              <span class="badge sent">at the collector</span>
            </>
          )}
          {uploaded === 2 && (
            <>
              {' '}
              <span class="badge kept">too large to upload; stays here</span>
            </>
          )}
        </span>
      </label>
      {where && !sentence.includes(where) && (
        <span class="rv-step-where" id={`${id}-where`}>
          {where}
        </span>
      )}
      <time class="rv-step-offset" dateTime={new Date(event.t).toISOString()}>
        {formatOffset(event.t - startedAt)}
      </time>
      {isPageStep(event) && (
        <button
          type="button"
          class="rv-saw-toggle"
          aria-expanded={open}
          aria-controls={`${id}-saw`}
          aria-label={`Show what the recorder saw at step ${event.seq + 1}`}
          onClick={() => setOpen(!open)}
        >
          <svg
            class="rv-saw-chevron"
            viewBox="0 0 16 16"
            width="12"
            height="12"
            aria-hidden="true"
            focusable="false"
          >
            <path d="M5 3l5 5-5 5" fill="none" stroke="currentColor" stroke-width="2" />
          </svg>
          Show what the recorder saw
        </button>
      )}
      {open && <StepObservation id={`${id}-saw`} events={events} step={event} />}
    </li>
  );
}
