import type { ReviewStep } from '../lib/schema';
import { describeStep } from '../lib/trace/describe-step';
import { formatOffset } from '../lib/trace/format';
import { StepIcon } from './StepIcon';

type Props = {
  step: ReviewStep;
  startedAt: number;
  selected: boolean;
  onToggle: (seq: number) => void;
  onDeleteKey: (seq: number) => void;
};

/**
 * One recorded event as a sentence: a checkbox to select it (named "Step N" and the
 * sentence), where it happened, when, and whether the collector already has it.
 */
export function StepRow({ step, startedAt, selected, onToggle, onDeleteKey }: Props) {
  const { event, uploaded } = step;
  const { icon, sentence, where } = describeStep(event);
  const id = `step-${event.seq}`;
  return (
    <li class="rv-step" data-seq={event.seq} data-selected={selected || undefined}>
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
    </li>
  );
}
