import { stepRange } from '../lib/trace/check-tasks';
import { capitalise, plural } from '../lib/trace/format';

type Props = {
  from: number;
  to: number;
  /** Steps kept between `from` and `to`, both included. */
  count: number;
  busy: boolean;
  /** "Start task here" / "End task here" apply to a single step. */
  canStart: boolean;
  canEnd: boolean;
  /** The label of the button that makes the range a task, or why it cannot. */
  span: { label: string } | { refused: string } | null;
  onDelete: () => void;
  onStart: () => void;
  onEnd: () => void;
  onSpan: () => void;
  onClear: () => void;
};

/** What can be done with the selected steps; stays in view while the list scrolls. */
export function StepSelectionBar(props: Props) {
  const { from, to, count, busy } = props;
  const single = from === to;
  const range = stepRange(from, to);
  const Range = capitalise(range);
  return (
    <section class="rv-selection" aria-label="Selected steps">
      <p class="rv-selection-status" role="status">
        {single ? `${Range} selected.` : `${Range} selected (${plural(count, 'step')}).`}
        {single && <span class="muted"> Select another step to select every step between.</span>}
      </p>
      <div class="actions start">
        <button type="button" class="danger" disabled={busy} onClick={props.onDelete}>
          Delete {range}
        </button>
        {single && props.canStart && (
          <button type="button" disabled={busy} onClick={props.onStart}>
            Start task here
          </button>
        )}
        {single && props.canEnd && (
          <button type="button" disabled={busy} onClick={props.onEnd}>
            End task here
          </button>
        )}
        {props.span && 'label' in props.span && (
          <button type="button" disabled={busy} onClick={props.onSpan}>
            {props.span.label}
          </button>
        )}
        <button type="button" onClick={props.onClear}>
          Clear selection
        </button>
      </div>
      {props.span && 'refused' in props.span && <p class="muted">{props.span.refused}</p>}
    </section>
  );
}
