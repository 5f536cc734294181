import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventSender } from '../../lib/messaging/create-event-sender';
import type { PageEventDraft } from '../../lib/schema';

const draft = {
  kind: 'hashchange',
  t: 1,
  frame: [],
  page: { origin: 'https://a.example', path: '/' },
} as PageEventDraft;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createEventSender', () => {
  it('keeps events until acknowledged, and resends after a failure or an empty answer', async () => {
    const answers: (() => Promise<unknown>)[] = [
      () => Promise.reject(new Error('worker stopped')),
      () => Promise.resolve(undefined),
    ];
    const sent: number[][] = [];
    const sender = createEventSender(async (_client, events) => {
      sent.push(events.map((event) => event.cseq));
      const answer = answers.shift();
      return answer ? answer() : { acked: events.map((event) => event.cseq) };
    }, new AbortController().signal);
    sender.push(draft);
    sender.push(draft);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sender.pending).toBe(0);
    expect(sent.at(-1)).toEqual([0, 1]);
    expect(sent.length).toBeGreaterThanOrEqual(3);
  });

  it('gives up waiting for an answer that never comes, and resends', async () => {
    let calls = 0;
    const sender = createEventSender(async (_client, events) => {
      calls += 1;
      if (calls === 1) return new Promise(() => {});
      return { acked: events.map((event) => event.cseq) };
    }, new AbortController().signal);
    sender.push(draft);
    await vi.advanceTimersByTimeAsync(12_000);
    expect(sender.pending).toBe(0);
    expect(calls).toBe(2);
  });

  it('stops resending once its context is gone', async () => {
    const controller = new AbortController();
    let calls = 0;
    const sender = createEventSender(async () => {
      calls += 1;
      throw new Error('Extension context invalidated');
    }, controller.signal);
    sender.push(draft);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(1);
  });
});
