import { benchSamples } from './samples';

type Listener = EventListenerOrEventListenerObject;

/**
 * Wraps every listener, timer, idle and mutation callback the content script adds with
 * `performance.now()`, so each recorder handler is timed without touching the
 * recorder's code. Content scripts run in an isolated world with their own
 * prototypes: pages and other extensions are not affected.
 */
export function timeListenersAndTimers(): void {
  const proto = EventTarget.prototype;
  const add = proto.addEventListener;
  const remove = proto.removeEventListener;
  const wrapped = new WeakMap<object, Map<string, EventListener>>();

  proto.addEventListener = function (
    this: EventTarget,
    type: string,
    listener: Listener | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    if (listener === null) return add.call(this, type, listener, options);
    let byType = wrapped.get(listener);
    if (!byType) {
      byType = new Map();
      wrapped.set(listener, byType);
    }
    let timed = byType.get(type);
    if (!timed) {
      timed = timedListener(type, listener);
      byType.set(type, timed);
    }
    return add.call(this, type, timed, options);
  };
  proto.removeEventListener = function (
    this: EventTarget,
    type: string,
    listener: Listener | null,
    options?: boolean | EventListenerOptions,
  ) {
    const timed = listener === null ? undefined : wrapped.get(listener)?.get(type);
    return remove.call(this, type, timed ?? listener, options);
  };

  const originalSetTimeout = globalThis.setTimeout;
  const patched = (handler: TimerHandler, delay?: number, ...args: unknown[]) =>
    originalSetTimeout(
      typeof handler === 'function' ? timed('timer', () => handler(...args)) : handler,
      delay,
    );
  globalThis.setTimeout = patched as typeof setTimeout;

  // Observations are built in idle-time slices and woken by DOM mutations: both count as
  // recorder tasks too.
  const originalIdle = globalThis.requestIdleCallback;
  if (originalIdle) {
    globalThis.requestIdleCallback = ((
      callback: IdleRequestCallback,
      options?: IdleRequestOptions,
    ) =>
      originalIdle(
        (deadline) => timed('idle', () => callback(deadline))(),
        options,
      )) as typeof requestIdleCallback;
  }
  const OriginalObserver = globalThis.MutationObserver;
  globalThis.MutationObserver = class extends OriginalObserver {
    constructor(callback: MutationCallback) {
      super((records, observer) => timed('mutation', () => callback(records, observer))());
    }
  };
}

function timedListener(type: string, listener: Listener): EventListener {
  return function (this: unknown, event: Event) {
    return timed(type, () =>
      typeof listener === 'function' ? listener.call(this, event) : listener.handleEvent(event),
    )();
  };
}

function timed<T>(type: string, run: () => T): () => T {
  return () => {
    const emittedBefore = benchSamples.emitted;
    const sendMsBefore = benchSamples.sendMs;
    const start = performance.now();
    try {
      return run();
    } finally {
      // The recorder posts a handler's events in a microtask queued by the handler,
      // which runs right after it returns and before this one: the sample includes it.
      queueMicrotask(() => {
        benchSamples.handlers.push({
          type,
          ms: performance.now() - start,
          emitted: benchSamples.emitted - emittedBefore,
          sendMs: benchSamples.sendMs - sendMsBefore,
        });
      });
    }
  };
}
