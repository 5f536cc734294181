import type { Ref } from 'preact';
import { useMemo } from 'preact/hooks';
import type { ReviewSessionDetail, TaskSpan } from '../lib/schema';
import { plural } from '../lib/trace/format';
import { groupSteps } from '../lib/trace/group-steps';
import { StepList } from './StepList';

type Props = {
  detail: ReviewSessionDetail;
  /** Where focus goes when the step or control that had it is gone. */
  headingRef: Ref<HTMLHeadingElement>;
  busy: boolean;
  isSelected: (seq: number) => boolean;
  onToggle: (seq: number) => void;
  onDeleteKey: (seq: number) => void;
  onSaveTask: (index: number, change: Pick<TaskSpan, 'goal' | 'outcome'>) => void;
  onDeleteTask: (index: number) => void;
  onDeleteTaskSteps: (index: number) => void;
};

/** The session's steps under their tasks, with how to select them and what is gone. */
export function ReviewSessionSteps({ detail, headingRef, ...actions }: Props) {
  const { session, steps, tasks } = detail;
  const groups = useMemo(() => groupSteps(steps, tasks), [steps, tasks]);
  const events = useMemo(() => steps.map((step) => step.event), [steps]);
  const sentHere = steps.filter((step) => step.uploaded === 1).length;
  const pruned = session.eventCount - steps.length;
  return (
    <section aria-labelledby="steps-title" class="review-steps">
      <h2 id="steps-title" ref={headingRef} tabIndex={-1}>
        Steps
      </h2>
      <p class="review-lead">
        Select a step to delete it or to mark where a task starts or ends; select a second step to
        select every step between. By keyboard: Space selects the step in focus; Delete deletes the
        selected steps.
        {sentHere > 0 &&
          ' Steps marked “at the collector” were already uploaded: deleting them here removes them from this computer only.'}
      </p>
      {events.some((event) => event.kind === 'observation') && (
        <p class="review-lead">
          Rows that say “Saw the page” are what the recorder kept of a page: the role and position
          of each part, never its text. “Show what the recorder saw” draws it under any step.
        </p>
      )}
      {pruned > 0 && (
        <p class="review-lead">
          {plural(pruned, 'uploaded step')} no longer {pruned === 1 ? 'shows' : 'show'} here: they
          were removed from this computer to free space after the collector had them.
        </p>
      )}
      {steps.length === 0 ? (
        <p class="card review-empty">No steps left in this session.</p>
      ) : (
        <StepList groups={groups} events={events} startedAt={session.startedAt} {...actions} />
      )}
    </section>
  );
}
