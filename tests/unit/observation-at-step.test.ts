import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../lib/schema';
import { traceEvent } from '../../lib/schema';
import {
  isPageStep,
  observationAtStep,
  whyNoObservation,
} from '../../lib/trace/observation-at-step';
import { clickEvent, SESSION } from './support/make-events';
import { groundedClick, node, observation } from './support/make-observations';

const ids = (found: ReturnType<typeof observationAtStep>) =>
  found?.observation.nodes.map((each) => each.id);

describe('the observation a step was taken against', () => {
  // Tab 0 loads a page (doc A, full), it changes (A #2), a click on it names A #1;
  // another click names A #2; tab 1 loads another page (doc B); a click in tab 0 names nothing.
  const events: TraceEvent[] = [
    observation({ seq: 0, nodes: [node(1, 0, 0), node(2, 0, 1)] }),
    observation({
      seq: 1,
      n: 2,
      full: false,
      cause: 'change',
      nodes: [node(3, 0, 2)],
      removed: [1],
    }),
    groundedClick(2, { doc: 'doc0000a', n: 1, node: 1 }),
    groundedClick(3, { doc: 'doc0000a', n: 2, node: 3 }),
    observation({ seq: 4, tab: 1, doc: 'doc0000b', nodes: [node(7, 0, 0)] }),
    groundedClick(5, null),
    groundedClick(6, null, { tab: 1 }),
    groundedClick(7, null, { frame: [0] }),
    groundedClick(8, null, { page: { origin: 'https://shop.example', path: '/cart' } }),
    groundedClick(9, { doc: 'doc0000a', n: 2, node: 99 }),
    { kind: 'pause', session: SESSION, seq: 10, t: 1_763_000_010_000 },
  ];
  const at = (seq: number) => observationAtStep(events, events[seq] as TraceEvent);

  it('fixtures are valid events', () => {
    for (const event of events) expect(traceEvent.parse(event)).toEqual(event);
  });

  it('is the one the action names, folded up to it, with its target', () => {
    expect(at(2)).toMatchObject({ source: 'at', target: 1, targetMissing: false });
    expect(ids(at(2))).toEqual([1, 2]);
    expect(at(3)).toMatchObject({ source: 'at', target: 3, incomplete: false });
    expect(ids(at(3))).toEqual([2, 3]);
  });

  it('is the observation itself for an observation', () => {
    expect(at(1)).toMatchObject({ source: 'self', target: null });
    expect(ids(at(1))).toEqual([2, 3]);
  });

  it('else is the latest of the same tab, frame and page before it, with no target', () => {
    expect(at(5)).toMatchObject({ source: 'latest', target: null });
    expect(at(5)?.observation.n).toBe(2);
    expect(at(6)?.observation.doc).toBe('doc0000b');
  });

  it('is none in another frame or on another page of the same tab', () => {
    expect(at(7)).toBeNull();
    expect(whyNoObservation(events, events[7] as TraceEvent)).toBe('none-of-this-page');
    expect(at(8)).toBeNull();
  });

  it('never takes an observation recorded after the step', () => {
    const early = groundedClick(0, null);
    const later = observation({ seq: 1 });
    expect(observationAtStep([early, later], early)).toBeNull();
  });

  it('says when the target named is not among the nodes kept', () => {
    expect(at(9)).toMatchObject({ source: 'at', target: null, targetMissing: true });
  });

  it('is none for a marker, and says why', () => {
    const pause = events[10] as TraceEvent;
    expect(isPageStep(pause)).toBe(false);
    expect(at(10)).toBeNull();
    expect(whyNoObservation(events, pause)).toBe('not-on-a-page');
  });

  it('is none in a session recorded before observations, and says why', () => {
    const old = [clickEvent({ seq: 0 }), clickEvent({ seq: 1 })];
    expect(observationAtStep(old, old[1] as TraceEvent)).toBeNull();
    expect(whyNoObservation(old, old[1] as TraceEvent)).toBe('none-in-session');
  });

  it('is none when the observation the action names was deleted, and says why', () => {
    const left = events.filter((event) => event.seq !== 0 && event.seq !== 1);
    const click = events[2] as TraceEvent;
    expect(observationAtStep(left, click)).toBeNull();
    expect(whyNoObservation(left, click)).toBe('deleted');
  });

  it('says when earlier observations of the document were deleted', () => {
    const left = events.filter((event) => event.seq !== 0);
    const found = observationAtStep(left, events[3] as TraceEvent);
    expect(found).toMatchObject({ source: 'at', target: 3, incomplete: true });
    expect(ids(found)).toEqual([3]);
  });
});
