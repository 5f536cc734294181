import type { TraceEvent } from '../../lib/schema';

const MARKERS: ReadonlySet<TraceEvent['kind']> = new Set([
  'task-start',
  'task-end',
  'pause',
  'resume',
  'gap',
]);

/** The volunteer's and the recorder's own notes, as opposed to what the volunteer did. */
export function isMarker(event: TraceEvent): boolean {
  return MARKERS.has(event.kind);
}
