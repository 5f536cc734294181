import { describe, expect, it } from 'vitest';
import {
  eventLine,
  pageEventDraft,
  SCHEMA_VERSION,
  studyFile,
  traceEvent,
  uploadBatch,
} from '../../lib/schema';
import { clickEvent, SESSION, target } from './support/make-events';

const batch = (events: unknown[]) => ({
  schemaVersion: 1,
  study: 'demo',
  consentVersion: '1',
  extensionVersion: '0.1.0',
  session: { id: SESSION, startedAt: 1 },
  events,
});

describe('trace events', () => {
  it('accepts a well-formed click', () => {
    expect(traceEvent.parse(clickEvent())).toEqual(clickEvent());
  });

  it.each(['value', 'text', 'innerText', 'title'])('rejects a stray %s key on the event', (key) => {
    expect(traceEvent.safeParse(clickEvent({ [key]: 'secret' })).success).toBe(false);
  });

  it.each(['value', 'text', 'placeholder'])('rejects a stray %s key on the target', (key) => {
    const event = clickEvent({ target: { ...target(), [key]: 'secret' } });
    expect(traceEvent.safeParse(event).success).toBe(false);
  });

  it.each([
    ['a query', '/search?q=secret'],
    ['a fragment', '/inbox#message-1'],
    ['an empty query', '/search?'],
  ])('rejects a page path with %s', (_name, path) => {
    const event = clickEvent({ page: { origin: 'https://shop.example', path } });
    expect(traceEvent.safeParse(event).success).toBe(false);
  });

  it('rejects an origin that carries a path or query', () => {
    for (const origin of ['https://shop.example/x', 'https://shop.example?q=1', 'shop.example']) {
      expect(traceEvent.safeParse(clickEvent({ page: { origin, path: '/' } })).success).toBe(false);
    }
  });

  it('rejects a key event that names a character without a modifier-style key', () => {
    const key = {
      kind: 'key',
      session: SESSION,
      seq: 1,
      t: 1,
      tab: 0,
      frame: [],
      page: { origin: 'https://shop.example', path: '/' },
      mods: [],
    };
    expect(traceEvent.safeParse({ ...key, key: 'Enter' }).success).toBe(true);
    expect(traceEvent.safeParse({ ...key, key: 'Backspace' }).success).toBe(false);
    expect(traceEvent.safeParse({ ...key, key: 'hunter2' }).success).toBe(false);
  });

  it('keeps markers free of page data', () => {
    const pause = { kind: 'pause', session: SESSION, seq: 2, t: 1 };
    expect(traceEvent.safeParse(pause).success).toBe(true);
    expect(
      traceEvent.safeParse({ ...pause, page: { origin: 'https://a.example', path: '/' } }).success,
    ).toBe(false);
  });

  it('accepts a draft without session stamps and rejects one with a value', () => {
    const { session: _s, seq: _q, tab: _t, ...draft } = clickEvent() as Record<string, unknown>;
    expect(pageEventDraft.safeParse(draft).success).toBe(true);
    expect(pageEventDraft.safeParse({ ...draft, value: 'x' }).success).toBe(false);
  });
});

describe('upload batches', () => {
  it('accepts consecutive events of one session', () => {
    expect(uploadBatch.safeParse(batch([clickEvent(), clickEvent({ seq: 1 })])).success).toBe(true);
  });

  it('rejects a batch with a stray key on any event', () => {
    const result = uploadBatch.safeParse(batch([clickEvent(), clickEvent({ seq: 1, value: 'x' })]));
    expect(result.success).toBe(false);
  });

  it('rejects events of another session and out-of-order sequence numbers', () => {
    const other = clickEvent({ session: '00000000-0000-4000-8000-000000000000' });
    expect(uploadBatch.safeParse(batch([other])).success).toBe(false);
    expect(
      uploadBatch.safeParse(batch([clickEvent({ seq: 3 }), clickEvent({ seq: 2 })])).success,
    ).toBe(false);
  });

  it('rejects empty and oversized batches', () => {
    expect(uploadBatch.safeParse(batch([])).success).toBe(false);
    const many = Array.from({ length: 501 }, (_, seq) => clickEvent({ seq }));
    expect(uploadBatch.safeParse(batch(many)).success).toBe(false);
  });
});

describe('study files', () => {
  const study = {
    id: 'shop-study',
    name: 'Shop',
    researcher: { name: 'Lab', contact: 'lab@uni.example' },
    consent: { text: 'You agree.', version: 'v1' },
    allowlist: [{ match: 'https://shop.example/*' }],
    retentionDays: 30,
  };

  it('fills defaults', () => {
    const parsed = studyFile.parse(study);
    expect(parsed.captureLevel).toBe('structure');
    expect(parsed.allowlist[0]?.excludePaths).toEqual([]);
    expect(parsed.testIdAttributes).toEqual([]);
  });

  it.each([
    ['a pattern with a port', [{ match: 'https://shop.example:8443/*' }]],
    ['a pattern without a path', [{ match: 'https://shop.example' }]],
    ['a pattern with a query', [{ match: 'https://shop.example/*?q=*' }]],
    ['an empty allowlist', []],
  ])('rejects %s', (_name, allowlist) => {
    expect(studyFile.safeParse({ ...study, allowlist }).success).toBe(false);
  });

  it('rejects plain http endpoints except loopback', () => {
    expect(studyFile.safeParse({ ...study, endpoint: 'http://collector.example' }).success).toBe(
      false,
    );
    expect(studyFile.safeParse({ ...study, endpoint: 'http://127.0.0.1:8787' }).success).toBe(true);
    expect(studyFile.safeParse({ ...study, endpoint: 'https://collector.example' }).success).toBe(
      true,
    );
  });

  it('rejects unknown keys', () => {
    expect(studyFile.safeParse({ ...study, recordValues: true }).success).toBe(false);
  });
});

describe('dataset lines', () => {
  it('stamps an event with study, participant and versions', () => {
    const line = {
      schemaVersion: SCHEMA_VERSION,
      study: 'demo',
      participant: 'p_0123456789abcdef0123',
      session: SESSION,
      extensionVersion: '0.1.0',
      consentVersion: 'v1',
      task: null,
      event: clickEvent(),
    };
    expect(eventLine.safeParse(line).success).toBe(true);
    expect(eventLine.safeParse({ ...line, event: clickEvent({ text: 'x' }) }).success).toBe(false);
    // Lines of version 1 are read through lib/trace/migrate-line.ts.
    expect(eventLine.safeParse({ ...line, schemaVersion: 1 }).success).toBe(false);
  });
});
