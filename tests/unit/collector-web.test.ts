import { describe, expect, it } from 'vitest';
import { moveEnd, moveStart, toSaved } from '../../collector/web/task-edits';
import { fillDays } from '../../components/EventsPerDayChart';
import type { TaskSpan } from '../../lib/schema';

const task = (start: number, end: number, goal: string | null = null): TaskSpan => ({
  start,
  end,
  goal,
  outcome: 'unknown',
});

describe('fillDays', () => {
  it('fills the days nobody recorded with zeros, oldest first', () => {
    expect(
      fillDays([
        { day: '2026-03-02', events: 4 },
        { day: '2026-02-27', events: 1 },
      ]),
    ).toEqual([
      { day: '2026-02-27', events: 1 },
      { day: '2026-02-28', events: 0 },
      { day: '2026-03-01', events: 0 },
      { day: '2026-03-02', events: 4 },
    ]);
  });

  it('keeps the 90 most recent days of a long study', () => {
    const days = fillDays([
      { day: '2025-01-01', events: 1 },
      { day: '2026-01-01', events: 2 },
    ]);
    expect(days).toHaveLength(90);
    expect(days.at(-1)).toEqual({ day: '2026-01-01', events: 2 });
  });

  it('is empty without events', () => {
    expect(fillDays([])).toEqual([]);
  });
});

describe('moving a task boundary', () => {
  const tasks = [task(2, 4), task(8, 10)];

  it('moves a start or an end, within the neighbouring tasks', () => {
    expect(moveStart(tasks, 1, 6)).toEqual([task(2, 4), task(6, 10)]);
    expect(moveEnd(tasks, 0, 6)).toEqual([task(2, 6), task(8, 10)]);
    // A start after the end takes the end along, and the other way round.
    expect(moveStart(tasks, 0, 6)).toEqual([task(6, 6), task(8, 10)]);
    expect(moveEnd(tasks, 1, 6)).toEqual([task(2, 4), task(6, 6)]);
  });

  it('refuses a boundary that would make tasks overlap, saying which', () => {
    expect(() => moveStart(tasks, 1, 3)).toThrow('that step belongs to task 1');
    expect(() => moveEnd(tasks, 0, 9)).toThrow('that step belongs to task 2');
    expect(() => moveStart(tasks, 0, 12)).toThrow('it would overlap task 2');
    expect(() => moveEnd(tasks, 1, 1)).toThrow('it would overlap task 1');
  });
});

it('saves goals trimmed, an empty goal as none, tasks in order', () => {
  expect(toSaved([task(5, 6, '  Pay  '), task(0, 1, '   ')])).toEqual([
    task(0, 1, null),
    task(5, 6, 'Pay'),
  ]);
});
