import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { SCHEMA_VERSION, type TraceEvent, type UploadBatch } from '../../lib/schema';

export const BENCH_STUDY = 'bench';
export const BENCH_CONSENT = '2026-01';

export type PreparedBatch = { key: string; body: Buffer; events: number };

const KINDS = ['click', 'focus', 'edit'] as const;

/** A plausible mix of events, varied enough that gzip and the indexes see real data. */
function benchEvent(session: string, seq: number): TraceEvent {
  const kind = KINDS[seq % KINDS.length] ?? 'click';
  const target = {
    tag: kind === 'click' ? 'button' : 'input',
    role: kind === 'click' ? 'button' : 'textbox',
    field: kind === 'click' ? null : 'email',
    selector: `main > section:nth-of-type(${(seq % 7) + 1}) > ${kind === 'click' ? 'button.buy' : 'input#email'}`,
    shadow: [],
    box: { x: 100 + (seq % 300), y: 200 + (seq % 500), w: 96, h: 32 },
    viewport: { w: 1280, h: 800 },
  };
  const base = {
    session,
    seq,
    t: 1_767_225_600_000 + seq * 250,
    tab: 0,
    frame: [],
    page: { origin: 'https://shop.example', path: `/products/:id` },
    target,
  };
  if (kind === 'click') return { kind, ...base, button: 0, clicks: 1, mods: [] } as TraceEvent;
  if (kind === 'focus') return { kind, ...base } as TraceEvent;
  return { kind, ...base } as TraceEvent;
}

/**
 * One uploader's batches, gzipped up front so the bench times the collector, not the
 * client: `count` batches of `size` events of one session, in order, as the extension sends.
 */
export function makeBatches(count: number, size: number): PreparedBatch[] {
  const session = randomUUID();
  const batches: PreparedBatch[] = [];
  for (let b = 0; b < count; b++) {
    const first = b * size;
    const batch: UploadBatch = {
      schemaVersion: SCHEMA_VERSION,
      study: BENCH_STUDY,
      consentVersion: BENCH_CONSENT,
      extensionVersion: '0.1.0',
      session: { id: session, startedAt: 1_767_225_600_000 },
      events: Array.from({ length: size }, (_, i) => benchEvent(session, first + i)),
    };
    const last = first + size - 1;
    batches.push({
      key: `${session}:${first}-${last}:bench`,
      body: gzipSync(JSON.stringify(batch)),
      events: size,
    });
  }
  return batches;
}
