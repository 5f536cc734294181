import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { enrolledDb } from './support/enrolled-db';
import { clickDraft } from './support/make-events';
import { storedEvents } from './support/stored-events';

const calls = vi.hoisted(() => ({ sizes: [] as number[], running: 0, overlapped: false }));

vi.mock('../../lib/db/ingest-events', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../lib/db/ingest-events')>();
  return {
    ...original,
    ingestEvents: async (...args: Parameters<typeof original.ingestEvents>) => {
      calls.sizes.push(args[1].length);
      calls.running += 1;
      if (calls.running > 1) calls.overlapped = true;
      try {
        // A slow commit, as on a busy computer.
        await new Promise((resolve) => setTimeout(resolve, 20));
        return await original.ingestEvents(...args);
      } finally {
        calls.running -= 1;
      }
    },
  };
});

const { createIngestQueue } = await import('../../lib/db/ingest-queue');

describe('the ingest queue under load', () => {
  it('writes one transaction at a time and gathers what arrives meanwhile, in order', async () => {
    const db = await enrolledDb();
    const queue = createIngestQueue(async () => db);
    const answers: Promise<unknown>[] = [];
    for (let message = 0; message < 10; message++) {
      answers.push(
        queue([
          { draft: clickDraft({ t: message }), tabId: 1, source: ['c1', message * 2] },
          { draft: clickDraft({ t: message }), tabId: 1, source: ['c1', message * 2 + 1] },
        ]),
      );
      // Each message in a task of its own, as port messages arrive.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const outcomes = await Promise.all(answers);
    expect(outcomes.flat()).toEqual(Array.from({ length: 20 }, () => 'stored'));
    expect(calls.overlapped).toBe(false);
    // The first message alone, the other nine gathered while it committed.
    expect(calls.sizes.length).toBeLessThanOrEqual(3);
    expect(calls.sizes.reduce((sum, size) => sum + size, 0)).toBe(20);
    const events = (await storedEvents(db)).map((stored) => stored.event);
    expect(events.map((event) => event.t)).toEqual(
      Array.from({ length: 10 }, (_, message) => [message, message]).flat(),
    );
  });
});
