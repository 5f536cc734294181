import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { markTask } from '../../lib/background/mark-task';
import { ingestEvents } from '../../lib/db/ingest-events';
import type { Db } from '../../lib/db/open-db';
import { openTask } from '../../lib/db/open-task';
import { setPaused } from '../../lib/db/set-paused';
import { tasksFromMarkers } from '../../lib/trace/tasks-from-markers';
import { enrolledDb } from './support/enrolled-db';
import { clickDraft } from './support/make-events';
import { countStoredEvents, storedEvents } from './support/stored-events';

let db: Db;
beforeEach(async () => {
  db = await enrolledDb();
});

describe('task markers from the popup', () => {
  it('start a task with its goal, and end it with an outcome', async () => {
    await markTask(db, { goal: 'Buy a desk lamp' }, 1_000);
    expect(await openTask(db)).toEqual({ goal: 'Buy a desk lamp', startedAt: 1_000 });
    await ingestEvents(db, [{ draft: clickDraft({ t: 1_500 }), tabId: 1 }], 1_500);
    await markTask(db, { outcome: 'done' }, 2_000);
    expect(await openTask(db)).toBeNull();
    const events = (await storedEvents(db)).map((stored) => stored.event);
    expect(events.map((event) => event.kind)).toEqual(['task-start', 'click', 'task-end']);
    expect(tasksFromMarkers(events)).toEqual([
      { start: 0, end: 2, goal: 'Buy a desk lamp', outcome: 'done' },
    ]);
  });

  it('refuses to end a task that was never started', async () => {
    await expect(markTask(db, { outcome: 'gave-up' })).rejects.toThrow(/no task to end/);
  });

  it('records no marker while paused, and says so', async () => {
    await setPaused(db, true);
    await expect(markTask(db, { goal: 'Anything' })).rejects.toThrow(/Resume recording first/);
    expect(await countStoredEvents(db)).toBe(0);
  });
});
