import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ingestEvents } from '../../lib/db/ingest-events';
import { getMeta } from '../../lib/db/meta';
import { readReviewSession } from '../../lib/db/read-review-session';
import { saveTasks } from '../../lib/db/save-tasks';
import type { TaskSpan, TraceEvent } from '../../lib/schema';
import { checkTasks } from '../../lib/trace/check-tasks';
import {
  endTaskAt,
  removeTask,
  spanTask,
  startTaskAt,
  updateTask,
} from '../../lib/trace/edit-tasks';
import { groupSteps } from '../../lib/trace/group-steps';
import { sessionTasks } from '../../lib/trace/session-tasks';
import { enrolledDb } from './support/enrolled-db';
import { clickDraft, clickEvent, SESSION } from './support/make-events';

const task = (start: number, end: number, goal: string | null = null): TaskSpan => ({
  start,
  end,
  goal,
  outcome: 'unknown',
});
const marker = (seq: number, event: Record<string, unknown>) =>
  ({ session: SESSION, seq, t: 1_000 + seq, ...event }) as TraceEvent;

describe('checkTasks', () => {
  it('accepts tasks in any order and returns them in order', () => {
    expect(checkTasks([task(5, 6), task(0, 2, 'Buy a lamp')], 7)).toEqual([
      task(0, 2, 'Buy a lamp'),
      task(5, 6),
    ]);
  });

  it('refuses overlapping tasks, an end before the start, and steps past the last', () => {
    expect(() => checkTasks([task(0, 3, 'A'), task(3, 5, 'B')], 9)).toThrow(
      'Task “B” overlaps task “A”: a step can belong to one task only.',
    );
    expect(() => checkTasks([task(4, 2)], 9)).toThrow(/Task 1 is not valid/);
    expect(() => checkTasks([task(2, 9)], 9)).toThrow(/ends after the session's last step/);
    expect(() => checkTasks([{ ...task(0, 1), goal: 'x'.repeat(501) }], 9)).toThrow(
      /Task 1 is not valid \(goal/,
    );
    expect(() => checkTasks([{ ...task(0, 1), outcome: 'finished' }], 9)).toThrow(
      /Task 1 is not valid \(outcome/,
    );
  });
});

describe('editing tasks', () => {
  it('"Start task here" outside a task runs it to the next task or the last step', () => {
    expect(startTaskAt([task(6, 8, 'B')], 2, 10)).toEqual([task(2, 5), task(6, 8, 'B')]);
    expect(startTaskAt([], 3, 10)).toEqual([task(3, 10)]);
  });

  it('"Start task here" inside a task splits it, as starting a task from the popup does', () => {
    expect(startTaskAt([task(0, 8, 'A')], 5, 10)).toEqual([task(0, 4, 'A'), task(5, 8)]);
    expect(startTaskAt([task(0, 8, 'A')], 0, 10)).toEqual([task(0, 8, 'A')]);
  });

  it('"End task here" moves the end of the task started last before the step', () => {
    expect(endTaskAt([task(0, 8, 'A'), task(10, 12)], 4)).toEqual([task(0, 4, 'A'), task(10, 12)]);
    expect(endTaskAt([task(0, 2, 'A'), task(10, 12)], 7)).toEqual([task(0, 7, 'A'), task(10, 12)]);
    expect(() => endTaskAt([task(5, 6)], 2)).toThrow('No task starts at or before step 3.');
  });

  it('a range becomes a task, moves the one task it touches, and never merges two', () => {
    expect(spanTask([task(8, 9)], 2, 4)).toEqual([task(2, 4), task(8, 9)]);
    expect(spanTask([{ ...task(3, 6, 'A'), outcome: 'done' }], 1, 4)).toEqual([
      { ...task(1, 4, 'A'), outcome: 'done' },
    ]);
    expect(() => spanTask([task(0, 2, 'A'), task(4, 6)], 1, 5)).toThrow(
      'Steps 2–6 touch 2 tasks (“A”, at steps 5–7). Choose steps within one task, or delete a task first.',
    );
  });

  it('sets a goal and outcome, and removes a task without touching its steps', () => {
    const tasks = [task(0, 2), task(4, 5)];
    expect(updateTask(tasks, 1, { goal: 'Pay', outcome: 'done' })[1]).toEqual({
      ...task(4, 5, 'Pay'),
      outcome: 'done',
    });
    expect(removeTask(tasks, 0)).toEqual([task(4, 5)]);
    expect(tasks).toEqual([task(0, 2), task(4, 5)]);
  });
});

describe('sessionTasks and groupSteps', () => {
  it('uses saved tasks, plus tasks from markers recorded after they were saved', () => {
    const events = [
      clickEvent({ seq: 0 }),
      marker(1, { kind: 'task-start', goal: 'Old' }),
      clickEvent({ seq: 2 }),
      marker(3, { kind: 'task-start', goal: 'New' }),
      clickEvent({ seq: 4 }),
    ];
    expect(sessionTasks(events, undefined).map((span) => span.goal)).toEqual(['Old', 'New']);
    const saved = { spans: [task(0, 2, 'Mine')], through: 3, savedAt: 0 };
    expect(sessionTasks(events, saved)).toEqual([task(0, 2, 'Mine'), task(3, 4, 'New')]);
  });

  it('groups steps under their task, the rest between, and keeps an emptied task', () => {
    const steps = [0, 1, 2, 5, 6].map((seq) => ({
      event: clickEvent({ seq }),
      uploaded: 0 as const,
    }));
    const groups = groupSteps(steps, [task(1, 2, 'A'), task(3, 4, 'Gone'), task(6, 6, 'C')]);
    expect(
      groups.map((group) => [group.task?.goal ?? null, group.steps.map((s) => s.event.seq)]),
    ).toEqual([
      [null, [0]],
      ['A', [1, 2]],
      ['Gone', []],
      [null, [5]],
      ['C', [6]],
    ]);
  });
});

describe('saveTasks', () => {
  it('stores the list on the session and refuses an invalid one', async () => {
    const db = await enrolledDb();
    for (let t = 0; t < 4; t++) await ingestEvents(db, [{ draft: clickDraft({ t }), tabId: 1 }], 5);
    const id = (await getMeta(db, 'currentSession')) as string;
    await saveTasks(db, id, [{ start: 1, end: 2, goal: 'Buy a lamp', outcome: 'done' }], 4, 77);
    expect((await db.get('sessions', id))?.tasks).toEqual({
      spans: [{ start: 1, end: 2, goal: 'Buy a lamp', outcome: 'done' }],
      through: 4,
      savedAt: 77,
    });
    await expect(saveTasks(db, id, [task(0, 2), task(2, 3)])).rejects.toThrow(/overlaps/);
    await expect(saveTasks(db, id, [task(0, 4)])).rejects.toThrow(/last step/);
    const detail = await readReviewSession(db, id);
    expect(detail.tasks).toEqual([{ start: 1, end: 2, goal: 'Buy a lamp', outcome: 'done' }]);
    expect(detail.tasksEdited).toBe(true);
  });

  it('saving an empty list is a choice: no tasks, even with markers', async () => {
    const db = await enrolledDb();
    await ingestEvents(
      db,
      [{ draft: { kind: 'task-start', t: 1, goal: 'A' }, opensSession: true }],
      5,
    );
    const id = (await getMeta(db, 'currentSession')) as string;
    expect((await readReviewSession(db, id)).tasks).toHaveLength(1);
    await saveTasks(db, id, []);
    expect((await readReviewSession(db, id)).tasks).toEqual([]);
  });
});
