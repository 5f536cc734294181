import { useEffect, useRef, useState } from 'preact/hooks';
import { ShortcutHelp } from '../../components/ShortcutHelp';
import { TaskSpanEditor } from '../../components/TaskSpanEditor';
import { Timeline } from '../../components/Timeline';
import { describeStep } from '../../lib/trace/describe-step';
import { removeTask, updateTask } from '../../lib/trace/edit-tasks';
import { formatOffset } from '../../lib/trace/format';
import { SaveTasksArea } from './SaveTasksArea';
import { SessionHead } from './SessionHead';
import { endAt, moveEnd, moveStart, startAt, toSaved } from './task-edits';
import { useSessionPage } from './use-session-page';
import { useShortcuts } from './use-shortcuts';

type Props = {
  token: string;
  id: string;
  onBack: () => void;
  onRefused: (message: string) => void;
  onDirty: (dirty: boolean) => void;
};

/** One session: its timeline, the tasks being marked on it, and saving them. */
export function SessionPage({ token, id, onBack, onRefused, onDirty }: Props) {
  const page = useSessionPage({ token, id, onRefused, onDirty });
  const { detail, events, startedAt, lastSeq, tasks, current, selected, atSelected, move } = page;
  const [help, setHelp] = useState(false);
  const panel = useRef<HTMLElement>(null);

  // The timeline takes the focus when the session opens, so arrows work at once.
  const opened = detail !== null;
  useEffect(() => {
    if (opened) panel.current?.querySelector<HTMLElement>('.timeline')?.focus();
  }, [opened]);

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

  const back = <BackToSessions onBack={onBack} />;

  if (!detail) {
    return (
      <main class="web-main">
        {back}
        {page.loadError ? (
          <p class="error" role="alert">
            This session could not be opened: {page.loadError}
          </p>
        ) : (
          <p class="muted" role="status">
            Loading the session…
          </p>
        )}
      </main>
    );
  }

  const { edit } = page;
  return (
    <main class="web-main wide">
      {back}
      <SessionHead
        session={detail.session}
        steps={events.length}
        version={page.version}
        onHelp={() => setHelp(true)}
      />
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
            notice={page.notice}
            suggestions={detail.volunteer.tasks}
            disabled={!page.editing}
            onChange={(index, task) => edit((list) => updateTask(list, index, task))}
            onRemove={(index) => edit((list) => removeTask(list, index))}
            onStart={atSelected((list, seq) => startAt(list, seq, lastSeq))}
            onEnd={atSelected(endAt)}
            onMoveStart={(index) => atSelected((list, seq) => moveStart(list, index, seq))()}
            onMoveEnd={(index) => atSelected((list, seq) => moveEnd(list, index, seq))()}
            onUseSuggestions={() => edit(() => toSaved(detail.volunteer.tasks))}
          />
          <SaveTasksArea
            save={page.save}
            dirty={page.dirty}
            editing={page.editing}
            onSave={() => void page.saveTasks()}
            onReload={page.reload}
          />
        </div>
      </div>
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />
    </main>
  );
}

/** Back to the list, as a link that also works as one. */
function BackToSessions({ onBack }: { onBack: () => void }) {
  return (
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
}
