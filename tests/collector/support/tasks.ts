import { SCHEMA_VERSION, type TraceEvent, type UploadBatch } from '../../../lib/schema';
import { clickEvent } from './events';

type Outcome = 'done' | 'gave-up';

/**
 * A session's events from a short script: `c` a click, `s` a task-start, `e` a task-end
 * (done), `g` a task-end (gave up), `p` a pause; seq numbers from 0 in order.
 */
export function scriptedEvents(session: string, script: string): TraceEvent[] {
  return [...script].map((step, seq): TraceEvent => {
    const stamp = { session, seq, t: 1_767_225_600_000 + seq * 250 };
    switch (step) {
      case 's':
        return { kind: 'task-start', ...stamp, goal: `goal at ${seq}` };
      case 'e':
        return { kind: 'task-end', ...stamp, outcome: 'done' satisfies Outcome };
      case 'g':
        return { kind: 'task-end', ...stamp, outcome: 'gave-up' satisfies Outcome };
      case 'p':
        return { kind: 'pause', ...stamp };
      case 'c':
        return clickEvent(session, seq);
      default:
        throw new Error(`unknown step "${step}"`);
    }
  });
}

/** One upload batch holding the given events of a session. */
export function eventsBatch(
  study: { id: string; consent: { version: string } },
  session: string,
  events: TraceEvent[],
): UploadBatch {
  return {
    schemaVersion: SCHEMA_VERSION,
    study: study.id,
    consentVersion: study.consent.version,
    extensionVersion: '0.1.0',
    session: { id: session, startedAt: 1_767_225_600_000 },
    events,
  };
}
