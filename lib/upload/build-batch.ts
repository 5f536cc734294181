import {
  MAX_BATCH_BYTES,
  MAX_BATCH_EVENTS,
  SCHEMA_VERSION,
  type Session,
  type TraceEvent,
  type UploadBatch,
} from '../schema';

/**
 * Takes the longest run of consecutive events that fits the batch limits
 * (≤ 500 events, ≤ 256 KiB before compression). Always at least one event.
 */
export function buildBatch(
  events: readonly TraceEvent[],
  session: Pick<Session, 'id' | 'startedAt' | 'consentVersion'>,
  studyId: string,
  extensionVersion: string,
): { batch: UploadBatch; body: string } {
  const header = {
    schemaVersion: SCHEMA_VERSION,
    study: studyId,
    // A session never spans two consents, so its version stamps every event in it.
    consentVersion: session.consentVersion,
    extensionVersion,
    session: { id: session.id, startedAt: session.startedAt },
  };
  const encoder = new TextEncoder();
  let size = encoder.encode(JSON.stringify({ ...header, events: [] })).length;
  const taken: TraceEvent[] = [];
  for (const event of events.slice(0, MAX_BATCH_EVENTS)) {
    const eventSize = encoder.encode(JSON.stringify(event)).length + 1;
    if (taken.length > 0 && size + eventSize > MAX_BATCH_BYTES) break;
    taken.push(event);
    size += eventSize;
  }
  const batch: UploadBatch = { ...header, events: taken };
  return { batch, body: JSON.stringify(batch) };
}
