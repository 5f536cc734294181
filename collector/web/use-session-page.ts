import { useEffect, useState } from 'preact/hooks';
import type { SessionDetail, TaskSpan, TraceEvent } from '../../lib/schema';
import { CollectorRequestError, readSession, saveSessionTasks } from './api';
import { toSaved } from './task-edits';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number }
  | { kind: 'conflict' }
  | { kind: 'failed'; message: string };

type Options = {
  token: string;
  id: string;
  onRefused: (message: string) => void;
  onDirty: (dirty: boolean) => void;
};

export type SessionPageData = {
  /** Null until the session is read (and while its first read failed). */
  detail: SessionDetail | null;
  loadError: string | null;
  /** The session's events in seq order. */
  events: TraceEvent[];
  startedAt: number;
  lastSeq: number;
  tasks: TaskSpan[];
  /** The annotation version the tasks were read at: sent back, so nobody is overwritten. */
  version: number;
  /** Index of the selected event in `events`. */
  current: number;
  selected: TraceEvent | undefined;
  dirty: boolean;
  /** Why the last edit was refused, if it was. */
  notice: string | null;
  save: SaveState;
  /** False while saving and after a conflict: the tasks then stay as they are. */
  editing: boolean;
  /** Applies an edit; one that would break the task list is refused with its reason. */
  edit(change: (tasks: TaskSpan[]) => TaskSpan[]): void;
  /** An edit at the selected step, as a handler. */
  atSelected(change: (tasks: TaskSpan[], seq: number) => TaskSpan[]): () => void;
  /** Selects the event at `index`, kept within the session. */
  move(index: number): void;
  saveTasks(): Promise<void>;
  /** Reads the session again (after a conflict), dropping the edits. */
  reload(): void;
};

/** One session read from the collector, the annotator's edits of its tasks, and saving them. */
export function useSessionPage({ token, id, onRefused, onDirty }: Options): SessionPageData {
  const [detail, setDetail] = useState<SessionDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  const [tasks, setTasks] = useState<TaskSpan[]>([]);
  const [version, setVersion] = useState(0);
  const [current, setCurrent] = useState(0);
  const [dirty, setDirtyState] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  const setDirty = (next: boolean) => {
    setDirtyState(next);
    onDirty(next);
  };

  useEffect(() => {
    let live = true;
    setLoadError(null);
    readSession(token, id)
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
        if (failure instanceof CollectorRequestError && failure.status === 401) {
          onRefused(failure.message);
        } else setLoadError(failure.message);
      });
    return () => {
      live = false;
    };
  }, [id, token, loads]);

  const events = detail?.events ?? [];
  const selected = events[current];
  const editing = save.kind !== 'saving' && save.kind !== 'conflict';

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

  const saveTasks = async () => {
    // The edits keep tasks in order, apart and on the session's steps; the collector
    // checks again and answers 422 with the reason if not.
    setSave({ kind: 'saving' });
    try {
      const saved = await saveSessionTasks(token, id, { version, tasks: toSaved(tasks) });
      setVersion(saved.version);
      setTasks(toSaved(saved.tasks));
      setDirty(false);
      setSave({ kind: 'saved', version: saved.version });
    } catch (failure) {
      if (failure instanceof CollectorRequestError && failure.status === 409) {
        setSave({ kind: 'conflict' });
      } else if (failure instanceof CollectorRequestError && failure.status === 401) {
        onRefused(failure.message);
      } else setSave({ kind: 'failed', message: (failure as Error).message });
    }
  };

  return {
    detail,
    loadError,
    events,
    startedAt: detail?.session.startedAt ?? 0,
    lastSeq: events[events.length - 1]?.seq ?? 0,
    tasks,
    version,
    current,
    selected,
    dirty,
    notice,
    save,
    editing,
    edit,
    atSelected: (change) => () => {
      if (selected) edit((list) => change(list, selected.seq));
    },
    move: (index) => setCurrent(Math.max(0, Math.min(events.length - 1, index))),
    saveTasks,
    reload: () => setLoads((n) => n + 1),
  };
}
