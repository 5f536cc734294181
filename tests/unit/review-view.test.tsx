import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReviewSession } from '../../components/ReviewSession';
import { ReviewSessionList } from '../../components/ReviewSessionList';
import type { ReviewList, ReviewSessionDetail, ReviewSessionSummary } from '../../lib/schema';
import { clickEvent, SESSION } from './support/make-events';

const summary: ReviewSessionSummary = {
  id: SESSION,
  startedAt: 1_763_000_000_000,
  lastEventAt: 1_763_000_042_000,
  endedAt: null,
  nextSeq: 4,
  eventCount: 4,
  uploadedCount: 0,
  taskCount: 0,
  recording: false,
  uploadable: true,
  job: null,
};

let root: HTMLElement;
function show(node: preact.ComponentChild) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}
afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

const listActions = {
  busy: false,
  upload: null,
  onOpen: vi.fn(),
  onUploadAll: vi.fn(),
  onExport: vi.fn(),
  onRejoin: vi.fn(),
  onOpenOptions: vi.fn(),
};
const buttons = (element: HTMLElement) =>
  [...element.querySelectorAll('button')].map((button) => button.textContent?.trim());

describe('the sessions list', () => {
  it('says nothing is recorded yet, and where to start', () => {
    const list: ReviewList = { mode: 'none', studyName: null, sessions: [] };
    const page = show(<ReviewSessionList list={list} {...listActions} />);
    expect(page.textContent).toContain('Nothing recorded yet.');
    expect(buttons(page)).toEqual(['Open Options']);
  });

  it('for oneself: nothing is uploaded, and the recording can be exported', () => {
    const list: ReviewList = {
      mode: 'local',
      studyName: null,
      sessions: [{ ...summary, uploadable: false }],
    };
    const page = show(<ReviewSessionList list={list} {...listActions} />);
    expect(page.textContent).toContain('Recording for yourself: nothing is uploaded');
    expect(page.textContent).toContain('Only on this computer');
    expect(buttons(page)).toEqual(['Export as JSONL']);
  });

  it('in a study: each session with its steps and upload state, newest first', () => {
    const list: ReviewList = {
      mode: 'study',
      studyName: 'Demo',
      sessions: [
        { ...summary, id: 'b', eventCount: 12, taskCount: 2 },
        {
          ...summary,
          id: 'a',
          uploadedCount: 4,
          job: { status: 'uploaded', error: null, quarantined: 0 },
        },
      ],
    };
    const page = show(<ReviewSessionList list={list} {...listActions} />);
    const rows = [...page.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['42 s', '12', '2', 'Not uploaded'],
      ['42 s', '4', '0', 'Uploaded'],
    ]);
    expect(page.textContent).toContain('12 steps waiting to upload.');
    expect(buttons(page)).toEqual(['Upload all']);
  });
});

describe('a session', () => {
  const detail: ReviewSessionDetail = {
    mode: 'study',
    studyName: 'Demo',
    session: summary,
    steps: [0, 1, 2, 3].map((seq) => ({
      event: clickEvent({ seq, t: summary.startedAt + seq * 21_000 }),
      uploaded: seq === 0 ? 1 : 0,
    })),
    tasks: [{ start: 2, end: 3, goal: 'Buy a lamp', outcome: 'done' }],
    tasksEdited: false,
  };
  const sessionActions = () => ({
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

  it('reads as sentences with their offsets, grouped by task', () => {
    const page = show(<ReviewSession detail={detail} {...sessionActions()} />);
    const groups = [...page.querySelectorAll('.rv-group')].map((group) => ({
      title: group.querySelector('h3')?.textContent,
      steps: [...group.querySelectorAll('.rv-step')].map((row) =>
        [
          row.querySelector('.rv-step-number')?.textContent,
          row.querySelector('.rv-step-sentence')?.textContent,
          row.querySelector('.rv-step-offset')?.textContent,
        ].join(' | '),
      ),
    }));
    expect(groups).toEqual([
      {
        title: 'Not in a task',
        steps: [
          'Step 1 | Clicked button at the collector | +0:00',
          'Step 2 | Clicked button | +0:21',
        ],
      },
      {
        title: 'Task 1: Buy a lamp',
        steps: ['Step 3 | Clicked button | +0:42', 'Step 4 | Clicked button | +1:03'],
      },
    ]);
  });

  it('selects a range from two steps and deletes exactly those after confirming', async () => {
    const actions = sessionActions();
    const page = show(<ReviewSession detail={detail} {...actions} />);
    const box = (seq: number) => page.querySelector(`#step-${seq}`) as HTMLInputElement;
    act(() => box(0).click());
    act(() => box(2).click());
    expect(page.querySelector('.rv-selection-status')?.textContent).toBe(
      'Steps 1–3 selected (3 steps).',
    );
    const deleteButton = [...page.querySelectorAll('button')].find(
      (button) => button.textContent === 'Delete steps 1–3',
    ) as HTMLButtonElement;
    act(() => deleteButton.click());
    const dialog = page.querySelector('dialog') as HTMLDialogElement;
    expect(dialog.textContent).toContain('3 steps will be removed from this computer.');
    expect(dialog.textContent).toContain('One of these steps is already at the collector.');
    expect(actions.onDeleteSteps).not.toHaveBeenCalled();
    const confirm = [...dialog.querySelectorAll('button')].find(
      (button) => button.textContent === 'Delete',
    ) as HTMLButtonElement;
    await act(async () => confirm.click());
    expect(actions.onDeleteSteps).toHaveBeenCalledWith([0, 1, 2], 'steps 1–3');
  });

  it('"Start task here" saves the task list with the new task', async () => {
    const actions = sessionActions();
    const page = show(<ReviewSession detail={detail} {...actions} />);
    act(() => (page.querySelector('#step-0') as HTMLInputElement).click());
    const start = [...page.querySelectorAll('button')].find(
      (button) => button.textContent === 'Start task here',
    ) as HTMLButtonElement;
    await act(async () => start.click());
    expect(actions.onSaveTasks).toHaveBeenCalledWith(
      [
        { start: 0, end: 1, goal: null, outcome: 'unknown' },
        { start: 2, end: 3, goal: 'Buy a lamp', outcome: 'done' },
      ],
      'A task now starts at step 1. Edit it to write its goal.',
    );
  });
});
