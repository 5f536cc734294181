import type { EventDraft } from '../../../lib/db/ingest-events';
import type { TargetDescriptor, TraceEvent } from '../../../lib/schema';

export const SESSION = '7d1f6c1e-3f4a-4b8e-9a51-2c0d9b7e4a10';

export function target(overrides: Partial<TargetDescriptor> = {}): TargetDescriptor {
  return {
    tag: 'button',
    role: 'button',
    field: null,
    selector: 'main > button:nth-child(2)',
    shadow: [],
    box: { x: 10, y: 20, w: 80, h: 24 },
    viewport: { w: 1280, h: 720 },
    ...overrides,
  };
}

export function clickEvent(overrides: Record<string, unknown> = {}): TraceEvent {
  return {
    kind: 'click',
    session: SESSION,
    seq: 0,
    t: 1_763_000_000_000,
    tab: 0,
    frame: [],
    page: { origin: 'https://shop.example', path: '/products/:id' },
    target: target(),
    button: 0,
    clicks: 1,
    mods: [],
    ...overrides,
  } as TraceEvent;
}

/** A click as the background receives it, before session, seq and tab are stamped. */
export function clickDraft(options: { t?: number; origin?: string } = {}): EventDraft {
  return {
    kind: 'click',
    t: options.t ?? 1,
    frame: [],
    page: { origin: options.origin ?? 'https://shop.example', path: '/' },
    target: target(),
    button: 0,
    clicks: 1,
    mods: [],
  };
}
