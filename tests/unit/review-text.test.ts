import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../lib/schema';
import { describeStep } from '../../lib/trace/describe-step';
import { tasksFromMarkers } from '../../lib/trace/tasks-from-markers';
import { clickEvent, SESSION, target } from './support/make-events';

const marker = (seq: number, event: Record<string, unknown>) =>
  ({ session: SESSION, seq, t: 1_000 + seq, ...event }) as TraceEvent;

describe('describeStep', () => {
  it('writes a sentence from the descriptor alone', () => {
    expect(describeStep(clickEvent())).toEqual({
      icon: 'pointer',
      sentence: 'Clicked button',
      where: 'https://shop.example/products/:id',
    });
    const edit = clickEvent({
      kind: 'edit',
      target: target({ tag: 'input', role: 'textbox', field: 'email', name: 'Email' }),
    });
    expect(describeStep(edit).sentence).toBe('Edited email field “Email”');
    expect(describeStep(marker(2, { kind: 'tab', tab: 1, action: 'switched' })).sentence).toBe(
      'Switched to tab 2',
    );
    expect(describeStep(marker(3, { kind: 'task-start', goal: 'Buy a lamp' })).sentence).toBe(
      'Started the task “Buy a lamp”',
    );
  });
});

describe('tasksFromMarkers', () => {
  it('reads tasks from start and end markers, and leaves an unended one open to the end', () => {
    const events = [
      marker(0, { kind: 'task-start', goal: 'Buy a lamp' }),
      marker(1, { kind: 'pause' }),
      marker(2, { kind: 'task-end', outcome: 'done' }),
      marker(3, { kind: 'resume' }),
      marker(4, { kind: 'task-start', goal: 'Find a gift' }),
      marker(5, { kind: 'pause' }),
    ];
    expect(tasksFromMarkers(events)).toEqual([
      { start: 0, end: 2, goal: 'Buy a lamp', outcome: 'done' },
      { start: 4, end: 5, goal: 'Find a gift', outcome: 'unknown' },
    ]);
  });
});
