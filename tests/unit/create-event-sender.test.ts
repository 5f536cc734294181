import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventSender, type EventPort } from '../../lib/messaging/create-event-sender';
import type { PageEventDraft } from '../../lib/schema';

const draft = {
  kind: 'hashchange',
  t: 1,
  frame: [],
  page: { origin: 'https://a.example', path: '/' },
} as PageEventDraft;

/** The version of the settings each event was made under; the sender passes it along. */
const SETTINGS_V = 'v1';

type Posted = { type: string; clientId: string; events: { cseq: number; v: string }[] };

/** A port as the browser hands it out: messages either way, and a disconnect. */
class FakePort implements EventPort {
  posted: Posted[] = [];
  closed = false;
  throwOnPost = false;
  private messageListeners: ((message: unknown) => void)[] = [];
  private disconnectListeners: (() => void)[] = [];
  onMessage = {
    addListener: (listener: (message: unknown) => void) => this.messageListeners.push(listener),
  };
  onDisconnect = { addListener: (listener: () => void) => this.disconnectListeners.push(listener) };
  postMessage(message: unknown) {
    if (this.throwOnPost || this.closed)
      throw new Error('Attempting to use a disconnected port object');
    this.posted.push(JSON.parse(message as string) as Posted);
  }
  disconnect() {
    this.closed = true;
  }
  /** The background answers. */
  ack(cseqs: number[]) {
    for (const listener of this.messageListeners) listener({ acked: cseqs });
  }
  /** The background went away (worker stopped, extension reloaded). */
  drop() {
    this.closed = true;
    for (const listener of this.disconnectListeners) listener();
  }
  get cseqs() {
    return this.posted.flatMap((message) => message.events.map((event) => event.cseq));
  }
}

function opener() {
  const ports: FakePort[] = [];
  const open = () => {
    const port = new FakePort();
    ports.push(port);
    return port;
  };
  return { ports, open };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createEventSender', () => {
  it('opens no port until there is something to send', async () => {
    const { ports, open } = opener();
    createEventSender(open, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ports).toHaveLength(0);
  });

  it('posts the events of one task as one message on one port, and forgets them once acknowledged', async () => {
    const { ports, open } = opener();
    const sender = createEventSender(open, new AbortController().signal);
    sender.push(draft, SETTINGS_V);
    sender.push(draft, 'v2');
    await Promise.resolve();
    expect(ports).toHaveLength(1);
    expect(ports[0]?.posted).toHaveLength(1);
    expect(ports[0]?.posted[0]).toMatchObject({
      type: 'recorder/events',
      events: [
        { cseq: 0, v: SETTINGS_V },
        { cseq: 1, v: 'v2' },
      ],
    });
    sender.push(draft, SETTINGS_V);
    await Promise.resolve();
    expect(ports).toHaveLength(1);
    expect(ports[0]?.cseqs).toEqual([0, 1, 2]);
    expect(sender.pending).toBe(3);
    ports[0]?.ack([0, 1, 2]);
    expect(sender.pending).toBe(0);
  });

  it('splits a backlog into messages of at most 200 events', async () => {
    const { ports, open } = opener();
    const sender = createEventSender(open, new AbortController().signal);
    for (let i = 0; i < 450; i++) sender.push(draft, SETTINGS_V);
    await Promise.resolve();
    expect(ports[0]?.posted.map((message) => message.events.length)).toEqual([200, 200, 50]);
  });

  it('resends everything unacknowledged on a new port when the port drops', async () => {
    const { ports, open } = opener();
    const sender = createEventSender(open, new AbortController().signal);
    sender.push(draft, SETTINGS_V);
    sender.push(draft, SETTINGS_V);
    await Promise.resolve();
    ports[0]?.ack([0]);
    ports[0]?.drop();
    await vi.advanceTimersByTimeAsync(0);
    expect(ports).toHaveLength(2);
    expect(ports[1]?.cseqs).toEqual([1]);
    ports[1]?.ack([1]);
    expect(sender.pending).toBe(0);
  });

  it('does not reopen a dropped port while nothing waits', async () => {
    const { ports, open } = opener();
    const sender = createEventSender(open, new AbortController().signal);
    sender.push(draft, SETTINGS_V);
    await Promise.resolve();
    ports[0]?.ack([0]);
    ports[0]?.drop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ports).toHaveLength(1);
    sender.push(draft, SETTINGS_V);
    await Promise.resolve();
    expect(ports).toHaveLength(2);
    expect(ports[1]?.cseqs).toEqual([1]);
  });

  it('gives up on a message never answered, and resends it on a new port', async () => {
    const { ports, open } = opener();
    const sender = createEventSender(open, new AbortController().signal);
    sender.push(draft, SETTINGS_V);
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(9_000);
    expect(ports).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(ports[0]?.closed).toBe(true);
    expect(ports).toHaveLength(2);
    expect(ports[1]?.cseqs).toEqual([0]);
    ports[1]?.ack([0]);
    expect(sender.pending).toBe(0);
  });

  it('reconnects when posting throws on a port the browser already closed', async () => {
    const { ports, open } = opener();
    const sender = createEventSender(open, new AbortController().signal);
    sender.push(draft, SETTINGS_V);
    await Promise.resolve();
    ports[0]?.ack([0]);
    if (ports[0]) ports[0].throwOnPost = true;
    sender.push(draft, SETTINGS_V);
    await vi.advanceTimersByTimeAsync(0);
    expect(ports).toHaveLength(2);
    expect(ports[1]?.cseqs).toEqual([1]);
  });

  it('backs off while no port can be opened, and stops once its context is gone', async () => {
    const controller = new AbortController();
    let attempts = 0;
    const sender = createEventSender(() => {
      attempts += 1;
      throw new Error('Extension context invalidated');
    }, controller.signal);
    sender.push(draft, SETTINGS_V);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(attempts).toBeGreaterThanOrEqual(3);
    expect(attempts).toBeLessThanOrEqual(4);
    controller.abort();
    const before = attempts;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempts).toBe(before);
    expect(sender.pending).toBe(1);
  });
});
