import { useEffect, useRef } from 'preact/hooks';
import type { TaskSpan, TraceEvent } from '../lib/schema';
import { taskAt } from '../lib/trace/edit-tasks';
import { type StepMark, TimelineStep } from './TimelineStep';

type Props = {
  /** In seq order. */
  events: readonly TraceEvent[];
  startedAt: number;
  /** Index of the selected step. */
  current: number;
  tasks: readonly TaskSpan[];
  /** The volunteer's own tasks, shown as suggestions. */
  suggestions: readonly TaskSpan[];
  onMove: (index: number) => void;
};

const PAGE = 10;

function quote(goal: string | null): string {
  return goal ? `“${goal.length > 40 ? `${goal.slice(0, 39)}…` : goal}”` : 'task';
}

function marksFor(seq: number, tasks: readonly TaskSpan[], suggestions: readonly TaskSpan[]) {
  const marks: StepMark[] = [];
  tasks.forEach((task, i) => {
    if (task.start === seq && task.end === seq) {
      marks.push({ by: 'annotator', color: i % 4, label: `Task ${i + 1} starts and ends` });
    } else if (task.start === seq) {
      marks.push({ by: 'annotator', color: i % 4, label: `Task ${i + 1} starts` });
    } else if (task.end === seq) {
      marks.push({ by: 'annotator', color: i % 4, label: `Task ${i + 1} ends` });
    }
  });
  for (const task of suggestions) {
    if (task.start === seq) {
      marks.push({ by: 'volunteer', label: `Volunteer: ${quote(task.goal)} starts` });
    }
    if (task.end === seq) {
      marks.push({
        by: 'volunteer',
        label: `Volunteer: ${quote(task.goal)} ends (${task.outcome})`,
      });
    }
  }
  return marks;
}

/**
 * A session's steps as a listbox: one Tab stop, arrows (and the page's j/k) move the
 * selected step, which the task editor's start and end act on.
 */
export function Timeline({ events, startedAt, current, tasks, suggestions, onMove }: Props) {
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const option = list.current?.querySelector(`[data-index="${current}"]`);
    option?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  const move = (index: number) => onMove(Math.max(0, Math.min(events.length - 1, index)));
  const selected = events[current];
  return (
    <div
      ref={list}
      class="timeline"
      role="listbox"
      tabIndex={0}
      aria-label="Steps of this session"
      aria-activedescendant={selected ? `step-${selected.seq}` : undefined}
      onKeyDown={(event) => {
        const to: Record<string, number> = {
          ArrowDown: current + 1,
          ArrowUp: current - 1,
          PageDown: current + PAGE,
          PageUp: current - PAGE,
          Home: 0,
          End: events.length - 1,
        };
        if (event.key in to && !event.altKey && !event.ctrlKey && !event.metaKey) {
          event.preventDefault();
          move(to[event.key] as number);
        }
      }}
      onClick={(event) => {
        const option = (event.target as Element).closest?.('[data-index]');
        if (option) move(Number(option.getAttribute('data-index')));
      }}
    >
      {events.map((event, index) => {
        const task = taskAt(tasks, event.seq);
        return (
          <TimelineStep
            key={event.seq}
            id={`step-${event.seq}`}
            index={index}
            event={event}
            startedAt={startedAt}
            selected={index === current}
            task={task === -1 ? null : task + 1}
            suggested={suggestions.some((t) => t.start <= event.seq && event.seq <= t.end)}
            marks={marksFor(event.seq, tasks, suggestions)}
          />
        );
      })}
    </div>
  );
}
