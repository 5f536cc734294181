import { useEffect, useRef, useState } from 'preact/hooks';
import { sessionStarted } from '../../components/SessionList';
import { ShortcutHelp } from '../../components/ShortcutHelp';
import { TaskSpanEditor } from '../../components/TaskSpanEditor';
import { Timeline } from '../../components/Timeline';
import type { TaskSpan } from '../../lib/schema';
import { describeStep } from '../../lib/trace/describe-step';
import { removeTask, updateTask } from '../../lib/trace/edit-tasks';
import { formatOffset } from '../../lib/trace/format';
import { ApiError, requestJson } from './api';
import type { SavedTasks, SessionDetail } from './contract';
import { endAt, moveEnd, moveStart, startAt, toSaved } from './task-edits';
import { useShortcuts } from './use-shortcuts';

export const CONFLICT_MESSAGE =
  'Someone else saved this session first. Reload to see their changes.';

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number }
  | { kind: 'conflict' }
  | { kind: 'failed'; message: string };

type Props = {
  token: string;
  id: string;
  onBack: () => void;
  onRefused: (message: string) => void;
  onDirty: (dirty: boolean) => void;
};

/** One session: its timeline, the tasks being marked on it, and saving them. */
export function SessionPage({ token, id, onBack, onRefused, onDirty }: Props) {
  const [detail, setDetail] = useState<SessionDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  const [tasks, setTasks] = useState<TaskSpan[]>([]);
  /** The annotation version the tasks were read at: sent back, so nobody is overwritten. */
  const [version, setVersion] = useState(0);
  const [current, setCurrent] = useState(0);
  const [dirty, setDirtyState] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [help, setHelp] = useState(false);
  const panel = useRef<HTMLElement>(null);

  const setDirty = (next: boolean) => {
    setDirtyState(next);
    onDirty(next);
  };

  useEffect(() => {
    let live = true;
    setLoadError(null);
    requestJson<SessionDetail>(`/v1/sessions/${encodeURIComponent(id)}`, token)
      .then((next) => {
        if (!live) return;
        const events = [...next.events].sort((a, b) => a.seq - b.seq);
        setDetail({ ...next, events });
        setTasks(toSaved(next.annotator.tasks));
        setVersion(next.annotator.version);
        setCurrent((at) => Math.min(at, Math.max(0, events.length - 1)));
        setDirty(false);
        setNotice(null);
        setSave({ kind: 'idle' });
      })
      .catch((failure: Error) => {
        if (!live) return;
        if (failure instanceof ApiError && failure.status === 401) onRefused(failure.message);
        else setLoadError(failure.message);
      });
    return () => {
      live = false;
    };
  }, [id, token, loads]);

  // The timeline takes the focus when the session opens, so arrows work at once.
  const opened = detail !== null;
  useEffect(() => {
    if (opened) panel.current?.querySelector<HTMLElement>('.timeline')?.focus();
  }, [opened]);

  const events = detail?.events ?? [];
  const startedAt = detail?.session.startedAt ?? 0;
  const lastSeq = events[events.length - 1]?.seq ?? 0;
  const selected = events[current];
  const editing = save.kind !== 'saving' && save.kind !== 'conflict';

  /** Applies an edit; one that would break the task list is refused with its reason. */
  const edit = (change: (tasks: TaskSpan[]) => TaskSpan[]) => {
    if (!editing) return;
    try {
      setTasks(change(tasks));
    } catch (refusal) {
      setNotice((refusal as Error).message);
      return;
    }
    setNotice(null);
    setDirty(true);
    if (save.kind === 'saved' || save.kind === 'failed') setSave({ kind: 'idle' });
  };
  const atSelected = (change: (tasks: TaskSpan[], seq: number) => TaskSpan[]) => () => {
    if (selected) edit((list) => change(list, selected.seq));
  };
  const move = (index: number) => setCurrent(Math.max(0, Math.min(events.length - 1, index)));

  useShortcuts(
    help
      ? { '?': () => setHelp(false) }
      : {
          j: () => move(current + 1),
          ArrowDown: () => move(current + 1),
          k: () => move(current - 1),
          ArrowUp: () => move(current - 1),
          s: atSelected((list, seq) => startAt(list, seq, lastSeq)),
          e: atSelected(endAt),
          '?': () => setHelp(true),
        },
  );

  const saveTasks = async () => {
    // The edits keep tasks in order, apart and on the session's steps; the collector
    // checks again and answers 422 with the reason if not.
    setSave({ kind: 'saving' });
    try {
      const saved = await requestJson<SavedTasks>(
        `/v1/sessions/${encodeURIComponent(id)}/tasks`,
        token,
        { method: 'PUT', body: { version, tasks: toSaved(tasks) } },
      );
      setVersion(saved.version);
      setTasks(toSaved(saved.tasks));
      setDirty(false);
      setSave({ kind: 'saved', version: saved.version });
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) setSave({ kind: 'conflict' });
      else if (failure instanceof ApiError && failure.status === 401) onRefused(failure.message);
      else setSave({ kind: 'failed', message: (failure as Error).message });
    }
  };

  const back = (
    <p class="back">
      <a
        href="/annotate"
        onClick={(event) => {
          event.preventDefault();
          onBack();
        }}
      >
        ← All sessions
      </a>
    </p>
  );

  if (!detail) {
    return (
      <main class="web-main">
        {back}
        {loadError ? (
          <p class="error" role="alert">
            This session could not be opened: {loadError}
          </p>
        ) : (
          <p class="muted" role="status">
            Loading the session…
          </p>
        )}
      </main>
    );
  }

  return (
    <main class="web-main wide">
      {back}
      <div class="page-head session-head">
        <div>
          <h1>Session of {sessionStarted(detail.session.startedAt)}</h1>
          <p class="muted small">
            Study <code>{detail.session.study}</code> · participant{' '}
            <code>{detail.session.participant}</code> · {events.length} steps ·{' '}
            {version === 0 ? 'not annotated yet' : `annotation version ${version}`}
          </p>
        </div>
        <button type="button" aria-keyshortcuts="?" onClick={() => setHelp(true)}>
          Keyboard shortcuts{' '}
          <span aria-hidden="true">
            <kbd>?</kbd>
          </span>
        </button>
      </div>
      <div class="annotate-layout">
        <section class="timeline-panel" aria-labelledby="timeline-title" ref={panel}>
          <h2 id="timeline-title" class="visually-hidden">
            Timeline
          </h2>
          {events.length === 0 ? (
            <p class="muted">This session has no events.</p>
          ) : (
            <Timeline
              events={events}
              startedAt={startedAt}
              current={current}
              tasks={tasks}
              suggestions={detail.volunteer.tasks}
              onMove={move}
            />
          )}
        </section>
        <div class="editor-panel">
          <TaskSpanEditor
            tasks={tasks}
            currentStep={
              selected
                ? `step ${selected.seq + 1} (${formatOffset(selected.t - startedAt)}), ${describeStep(selected).sentence}`
                : null
            }
            notice={notice}
            suggestions={detail.volunteer.tasks}
            disabled={!editing}
            onChange={(index, task) => edit((list) => updateTask(list, index, task))}
            onRemove={(index) => edit((list) => removeTask(list, index))}
            onStart={atSelected((list, seq) => startAt(list, seq, lastSeq))}
            onEnd={atSelected(endAt)}
            onMoveStart={(index) => atSelected((list, seq) => moveStart(list, index, seq))()}
            onMoveEnd={(index) => atSelected((list, seq) => moveEnd(list, index, seq))()}
            onUseSuggestions={() => edit(() => toSaved(detail.volunteer.tasks))}
          />
          <div class="save-area">
            {save.kind === 'conflict' && (
              <div class="warning conflict" role="alert">
                <p>{CONFLICT_MESSAGE}</p>
                <button type="button" class="primary" onClick={() => setLoads((n) => n + 1)}>
                  Reload
                </button>
              </div>
            )}
            {save.kind === 'failed' && (
              <p class="error" role="alert">
                Not saved: {save.message}
              </p>
            )}
            <div class="save-bar">
              <button
                type="button"
                class="primary"
                disabled={!dirty || !editing}
                onClick={() => void saveTasks()}
              >
                {save.kind === 'saving' ? 'Saving…' : 'Save tasks'}
              </button>
              <p role="status" class="small">
                {save.kind === 'saved' && `Saved as version ${save.version}.`}
                {save.kind === 'idle' && (dirty ? 'Unsaved changes.' : 'No unsaved changes.')}
              </p>
            </div>
          </div>
        </div>
      </div>
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />
    </main>
  );
}
