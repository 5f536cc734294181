import { useMemo } from 'preact/hooks';
import type { TraceEvent } from '../lib/schema';
import {
  type MissingObservation,
  observationAtStep,
  whyNoObservation,
} from '../lib/trace/observation-at-step';
import { ObservationWireframe } from './ObservationWireframe';

type Props = {
  id: string;
  /** The session's events in sequence order. */
  events: readonly TraceEvent[];
  step: TraceEvent;
};

/** What the step did to its target, as the wireframe's summary says it. */
const VERBS: Partial<Record<TraceEvent['kind'], string>> = {
  click: 'clicked',
  dblclick: 'double-clicked',
  contextmenu: 'right-clicked',
  focus: 'focused',
  edit: 'edited',
  change: 'changed',
  submit: 'submitted',
  scroll: 'scrolled',
};

export const MISSING: Record<MissingObservation, string> = {
  'not-on-a-page': 'This step is a marker, not something done on a page.',
  'none-in-session':
    'This session holds no page layouts: it was recorded before tasktrace observed them, or they were deleted here.',
  deleted: 'The layout this step was taken against was deleted from this session.',
  'none-of-this-page':
    'The recorder saw no layout of this page before this step: it could not observe this page or frame, or the step came before the page had loaded.',
};

/**
 * Under a step: the page's layout as the recorder saw it when the step happened, or
 * why there is none.
 */
export function StepObservation({ id, events, step }: Props) {
  const found = useMemo(() => observationAtStep(events, step), [events, step]);
  if (!found) {
    return (
      <div class="wf-panel wf-empty" id={id} data-testid="observation-empty">
        <p>
          <strong>No observation was recorded for this step.</strong>{' '}
          {MISSING[whyNoObservation(events, step)]}
        </p>
      </div>
    );
  }
  const { observation, source } = found;
  const named = observation.nodes.some((node) => node.name !== undefined);
  const when =
    source === 'at'
      ? 'when this step happened'
      : source === 'self'
        ? 'at this step'
        : 'last, on this page, before this step';
  return (
    <div class="wf-panel" id={id}>
      <p class="wf-caption">
        What the recorder saw {when}, on {observation.origin}
        {observation.path}: each part's role and position on the page.{' '}
        {named
          ? 'Names of parts were kept, shortened and scrubbed, because this study records names (capture level “labels”); no text, values or pictures were.'
          : 'No names, text, values or pictures were kept.'}
      </p>
      {found.targetMissing && (
        <p class="wf-note">This step's target is not among the parts the recorder kept.</p>
      )}
      {observation.truncated && (
        <p class="wf-note">
          The page had more parts than the recorder keeps: only those on or near the screen are
          here.
        </p>
      )}
      {found.incomplete && (
        <p class="wf-note">
          Earlier layouts of this page were deleted here, so this drawing may miss some changes.
        </p>
      )}
      <ObservationWireframe
        id={`${id}-wf`}
        observation={observation}
        target={found.target}
        verb={VERBS[step.kind] ?? null}
      />
    </div>
  );
}
