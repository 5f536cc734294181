import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ObservationWireframe } from '../../components/ObservationWireframe';
import { ReviewSession } from '../../components/ReviewSession';
import { StepObservation } from '../../components/StepObservation';
import type { ReviewSessionDetail, TraceEvent } from '../../lib/schema';
import { foldObservations } from '../../lib/trace/fold-observations';
import { clickEvent, SESSION } from './support/make-events';
import {
  groundedClick,
  named,
  node,
  observation,
  SHOP_NAMES,
  SHOP_NODES,
} from './support/make-observations';

let root: HTMLElement;
function show(child: preact.ComponentChild) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(child, root));
  return root;
}
afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

const drawn = (page: HTMLElement) =>
  [...page.querySelectorAll('svg text')].map((label) => label.textContent);
const listed = (page: HTMLElement) =>
  [...page.querySelectorAll('.wf-parts li')].map((item) => item.textContent);
const snapshot = (nodes = SHOP_NODES) =>
  foldObservations([observation({ seq: 0, nodes })]).at('doc0000a', 1)!;

describe('the wireframe of an observation', () => {
  it('draws one box per visible part, and outlines the target with an accessible description', () => {
    const page = show(
      <ObservationWireframe id="w" observation={snapshot()} target={9} verb="clicked" />,
    );
    const svg = page.querySelector('svg') as SVGSVGElement;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      'Wireframe of the page: 13 parts, the clicked button highlighted',
    );
    // The hidden dialog has no box to draw; it is in the list.
    const boxes = [...page.querySelectorAll('rect.wf-node')].map((rect) =>
      Number(rect.getAttribute('data-node')),
    );
    expect(boxes).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(
      [...page.querySelectorAll('rect.wf-target')].map((rect) => rect.getAttribute('data-node')),
    ).toEqual(['9']);
    expect(page.querySelector('rect.wf-target-halo')).not.toBeNull();
    const about = page.querySelector(`#${svg.getAttribute('aria-describedby')}`);
    expect(about?.textContent).toContain(
      'Outlined in orange: the clicked button, 120 × 36 px at 470, 170',
    );
    expect(about?.textContent).toContain('1 part hidden or off to the side is only in the list.');
    expect(page.querySelector('.wf-parts .wf-part-target')?.textContent).toBe('Target: button');
    expect(page.querySelector('.wf-legend')?.textContent).toContain("This step's target");
  });

  it('labels parts by role and draws no name when the nodes carry none', () => {
    const page = show(<ObservationWireframe id="w" observation={snapshot()} target={9} />);
    const labels = drawn(page);
    expect(labels).toContain('banner');
    expect(labels).toContain('heading 1');
    expect(labels).toContain('search field');
    expect(labels.every((label) => !label?.includes('“'))).toBe(true);
    for (const name of Object.values(SHOP_NAMES)) {
      expect(page.textContent).not.toContain(name);
    }
    expect(listed(page)).toContain('link, to /cart');
    expect(listed(page)).toContain('dialog, hidden');
    expect(page.querySelector('svg')?.getAttribute('aria-label')).toBe(
      'Wireframe of the page: 13 parts, the target button highlighted',
    );
  });

  it('draws names at capture level labels', () => {
    const page = show(
      <ObservationWireframe
        id="w"
        observation={snapshot(named(SHOP_NODES))}
        target={9}
        verb="clicked"
      />,
    );
    expect(drawn(page)).toContain('button “Search”');
    expect(drawn(page)).toContain('heading 1 “Desk lamps”');
    expect(listed(page)).toContain('link “Cart”, to /cart');
    expect(page.querySelector('svg')?.getAttribute('aria-label')).toBe(
      'Wireframe of the page: 13 parts, the clicked button “Search” highlighted',
    );
  });

  it('says so when no target is marked', () => {
    const page = show(<ObservationWireframe id="w" observation={snapshot()} target={null} />);
    expect(page.querySelector('svg')?.getAttribute('aria-label')).toBe(
      'Wireframe of the page: 13 parts, no target marked',
    );
    expect(page.querySelector('rect.wf-target')).toBeNull();
  });

  it('keeps the target in the drawing even far below the screen', () => {
    const far = [...SHOP_NODES, node(20, 5, 10, { box: { x: 40, y: 5000, w: 100, h: 30 } })];
    const page = show(<ObservationWireframe id="w" observation={snapshot(far)} target={20} />);
    expect(page.querySelector('rect.wf-target')?.getAttribute('data-node')).toBe('20');
    const [, y, , h] = (page.querySelector('svg')?.getAttribute('viewBox') ?? '')
      .split(' ')
      .map(Number);
    expect((y as number) + (h as number)).toBeGreaterThan(5030);
  });
});

describe('what the recorder saw at a step', () => {
  it('shows the observation the step was taken against, at labels with names', () => {
    const events: TraceEvent[] = [
      observation({ seq: 0, nodes: named(SHOP_NODES) }),
      groundedClick(1, { doc: 'doc0000a', n: 1, node: 12 }),
    ];
    const page = show(<StepObservation id="s" events={events} step={events[1] as TraceEvent} />);
    expect(page.textContent).toContain('What the recorder saw when this step happened');
    expect(page.textContent).toContain('Names of parts were kept');
    expect(page.querySelector('svg')?.getAttribute('aria-label')).toBe(
      'Wireframe of the page: 13 parts, the clicked button “Add to cart” highlighted',
    );
  });

  it('says no names were kept at structure', () => {
    const events: TraceEvent[] = [observation({ seq: 0 }), groundedClick(1, null)];
    const page = show(<StepObservation id="s" events={events} step={events[1] as TraceEvent} />);
    expect(page.textContent).toContain(
      'What the recorder saw last, on this page, before this step',
    );
    expect(page.textContent).toContain('No names, text, values or pictures were kept.');
  });

  it('says why there is none: a session recorded before observations', () => {
    const events = [clickEvent({ seq: 0 })];
    const page = show(<StepObservation id="s" events={events} step={events[0] as TraceEvent} />);
    expect(page.querySelector('svg')).toBeNull();
    expect(page.textContent).toContain('No observation was recorded for this step.');
    expect(page.textContent).toContain('recorded before tasktrace observed them');
  });

  it('says why there is none: a page the recorder did not observe', () => {
    const events: TraceEvent[] = [
      observation({ seq: 0 }),
      groundedClick(1, null, { page: { origin: 'https://shop.example', path: '/other' } }),
    ];
    const page = show(<StepObservation id="s" events={events} step={events[1] as TraceEvent} />);
    expect(page.textContent).toContain('No observation was recorded for this step.');
    expect(page.textContent).toContain('could not observe this page');
  });
});

describe('the review session with observations', () => {
  const startedAt = 1_763_000_000_000;
  const events: TraceEvent[] = [
    observation({ seq: 0 }),
    groundedClick(1, { doc: 'doc0000a', n: 1, node: 9 }),
    observation({ seq: 2, n: 2, full: false, cause: 'change', nodes: [], removed: [12] }),
    groundedClick(3, { doc: 'doc0000a', n: 2, node: 4 }),
    { kind: 'task-end', session: SESSION, seq: 4, t: startedAt + 4000, outcome: 'done' },
  ];
  const detail: ReviewSessionDetail = {
    mode: 'study',
    studyName: 'Demo',
    session: {
      id: SESSION,
      startedAt,
      lastEventAt: startedAt + 4000,
      endedAt: null,
      nextSeq: 5,
      eventCount: 5,
      uploadedCount: 0,
      taskCount: 0,
      recording: false,
      uploadable: true,
      job: null,
    },
    steps: events.map((event) => ({ event, uploaded: 0 })),
    tasks: [],
    tasksEdited: false,
  };
  const actions = () => ({
    upload: null,
    preview: null,
    copied: false,
    busy: false,
    onBack: vi.fn(),
    onUpload: vi.fn(),
    onExport: vi.fn(),
    onShowPreview: vi.fn(),
    onHidePreview: vi.fn(),
    onCopy: vi.fn(),
    onDeleteSteps: vi.fn(async () => true),
    onDeleteSession: vi.fn(),
    onSaveTasks: vi.fn(async () => true),
    onRejoin: vi.fn(),
    onOpenOptions: vi.fn(),
    onError: vi.fn(),
  });

  it('lists observations as compact steps, and every page step opens what the recorder saw', () => {
    const page = show(<ReviewSession detail={detail} {...actions()} />);
    const rows = [...page.querySelectorAll('li.rv-step')];
    expect(rows.map((row) => row.classList.contains('rv-step-observation'))).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
    const toggles = [...page.querySelectorAll<HTMLButtonElement>('button.rv-saw-toggle')];
    // The task marker is on no page: nothing to show.
    expect(toggles.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Show what the recorder saw at step 1',
      'Show what the recorder saw at step 2',
      'Show what the recorder saw at step 3',
      'Show what the recorder saw at step 4',
    ]);
    const toggle = toggles[3] as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(page.querySelector('#step-3-saw')).toBeNull();
    act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = page.querySelector(`#${toggle.getAttribute('aria-controls')}`) as HTMLElement;
    expect(panel.closest('li')?.getAttribute('data-seq')).toBe('3');
    // Folded to observation 2: the second add-to-cart button (12) is gone.
    expect(panel.querySelector('svg')?.getAttribute('aria-label')).toBe(
      'Wireframe of the page: 12 parts, the clicked link highlighted',
    );
    act(() => toggle.click());
    expect(page.querySelector('#step-3-saw')).toBeNull();
  });

  it('deletes an observation like any step', async () => {
    const handlers = actions();
    const page = show(<ReviewSession detail={detail} {...handlers} />);
    act(() => (page.querySelector('#step-2') as HTMLInputElement).click());
    const remove = [...page.querySelectorAll('button')].find(
      (button) => button.textContent === 'Delete step 3',
    ) as HTMLButtonElement;
    act(() => remove.click());
    const dialog = page.querySelector('dialog') as HTMLDialogElement;
    expect(dialog.textContent).toContain('“Saw the page change: 0 parts new or moved, 1 gone”');
    const confirm = [...dialog.querySelectorAll('button')].find(
      (button) => button.textContent === 'Delete',
    ) as HTMLButtonElement;
    await act(async () => confirm.click());
    expect(handlers.onDeleteSteps).toHaveBeenCalledWith([2], 'step 3');
  });
});
