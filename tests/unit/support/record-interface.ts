import { afterEach, vi } from 'vitest';
import { scrubUrl } from '../../../lib/privacy/scrub-url';
import { structuralWordSet } from '../../../lib/privacy/structural-words';
import type { OpenShadowRoot } from '../../../lib/recorder/resolve-target';
import { startRecorder } from '../../../lib/recorder/start-recorder';
import type { RecorderContext } from '../../../lib/recorder/types';
import {
  type CaptureLevel,
  expandNodes,
  type ObservedNode,
  type PageEventDraft,
  type TraceEvent,
} from '../../../lib/schema';
import { foldObservations } from '../../../lib/trace/fold-observations';

export type Observation = Omit<Extract<PageEventDraft, { kind: 'observation' }>, 'nodes'> & {
  nodes: ObservedNode[];
};

let stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
});

export type RecordOptions = {
  captureLevel?: CaptureLevel;
  recordsAt?: (url: string) => boolean;
  openShadowRoot?: OpenShadowRoot;
};

/**
 * Starts the real recorder, observations included, on the test document, and collects
 * what it emits (pages scrubbed from the document's own address).
 */
export function recordInterface(options: RecordOptions = {}) {
  const drafts: PageEventDraft[] = [];
  const words = structuralWordSet({});
  const context: RecorderContext = {
    captureLevel: options.captureLevel ?? 'structure',
    testIdAttributes: ['data-testid'],
    words,
    passwordsSeen: new WeakSet(),
    frame: [],
    now: () => 1_000,
    page: () => scrubUrl(location.href, { words }),
    scrub: (url) => scrubUrl(url, { words }),
    recordsAt: options.recordsAt ?? (() => true),
    openShadowRoot: options.openShadowRoot,
    emit: (draft) => drafts.push(draft),
  };
  const stop = startRecorder(context);
  stops.push(stop);
  // Each with its nodes' ids and places spelled out, as readers see them.
  const observations = () =>
    drafts
      .filter((draft) => draft.kind === 'observation')
      .map((draft) => ({ ...draft, nodes: expandNodes(draft.nodes) }));
  return { context, drafts, observations, stop };
}

/** Lets the recorder settle and finish its slices (under fake timers). */
export async function settle(ms = 5_000): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

/**
 * Gives elements boxes: `boxOf` may return one for an element (by whatever it reads),
 * the rest get 100×30 at (10, 20).
 */
export function stubBoxes(boxOf: (element: Element) => Partial<DOMRect> | undefined = () => ({})) {
  return vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
    this: Element,
  ) {
    return DOMRect.fromRect({ x: 10, y: 20, width: 100, height: 30, ...boxOf(this) });
  });
}

/** Each node as `tag(role) parent/after`, with ids replaced by positions in the list. */
export function outline(nodes: readonly ObservedNode[]): string[] {
  const position = new Map(nodes.map((node, index) => [node.id, index + 1]));
  const at = (id: number) => (id === 0 ? 0 : (position.get(id) ?? `#${id}`));
  return nodes.map(
    (node) =>
      `${node.tag}${node.role ? `(${node.role})` : ''} ${at(node.parent)}/${at(node.after)}`,
  );
}

/** The page's interface as a reader folds the observations recorded so far. */
export function folded(drafts: readonly PageEventDraft[]): ObservedNode[] {
  const events = drafts.map(
    (draft, seq) =>
      ({ ...draft, session: '00000000-0000-4000-8000-000000000001', seq, tab: 0 }) as TraceEvent,
  );
  const last = events.filter((event) => event.kind === 'observation').at(-1);
  if (last?.kind !== 'observation') return [];
  return foldObservations(events).at(last.doc, last.n)?.nodes ?? [];
}

/** A trusted event, as only the browser makes them. */
export function trustedEvent<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

export const click = (target: Element) =>
  target.dispatchEvent(
    trustedEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 1 })),
  );
