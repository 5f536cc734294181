import { randomUUID } from 'node:crypto';
import { SCHEMA_VERSION, type TraceEvent, type UploadBatch } from '../../../lib/schema';

type ClickEvent = Extract<TraceEvent, { kind: 'click' }>;

/** A valid click, as the extension would upload it. */
export function clickEvent(
  session: string,
  seq: number,
  overrides: Partial<ClickEvent> = {},
): ClickEvent {
  return {
    kind: 'click',
    session,
    seq,
    t: 1_767_225_600_000 + seq * 250,
    tab: 0,
    frame: [],
    page: { origin: 'https://shop.example', path: '/products/:id' },
    target: {
      tag: 'button',
      role: 'button',
      field: null,
      selector: 'main > form > button.buy',
      shadow: [],
      box: { x: 120, y: 340, w: 96, h: 32 },
      viewport: { w: 1280, h: 800 },
    },
    button: 0,
    clicks: 1,
    mods: [],
    ...overrides,
  };
}

/** A valid batch of `count` clicks of one session, seq numbers from `firstSeq`. */
export function clickBatch(options: {
  study: string;
  consentVersion: string;
  session?: string;
  count?: number;
  firstSeq?: number;
}): UploadBatch {
  const session = options.session ?? randomUUID();
  const first = options.firstSeq ?? 0;
  return {
    schemaVersion: SCHEMA_VERSION,
    study: options.study,
    consentVersion: options.consentVersion,
    extensionVersion: '0.1.0',
    session: { id: session, startedAt: 1_767_225_600_000 },
    events: Array.from({ length: options.count ?? 3 }, (_, i) => clickEvent(session, first + i)),
  };
}
