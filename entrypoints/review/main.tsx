import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ReviewView } from '../../components/ReviewView';
import '../../components/styles.css';
import { useAction } from '../../components/use-action';
import type { ExtensionState } from '../../lib/messaging/protocol';
import { sendToBackground } from '../../lib/messaging/send-to-background';
import { formatWhen, plural } from '../../lib/review/format';
import type { ReviewList, ReviewSessionDetail, UploadPreview } from '../../lib/review/review-types';
import type { TaskSpan } from '../../lib/schema';

const sessionInAddress = () => new URLSearchParams(location.search).get('session');

/** What, when it changes, means the page's data is stale: steps recorded or uploaded. */
const fingerprint = (state: ExtensionState) =>
  JSON.stringify([
    state.mode,
    state.session?.id,
    state.session?.eventCount,
    state.upload.sessions.map((row) => [row.session, row.status, row.sent, row.total]),
  ]);

function Review() {
  const [sessionId, setSessionId] = useState(sessionInAddress);
  const [list, setList] = useState<ReviewList | null>(null);
  const [detail, setDetail] = useState<ReviewSessionDetail | null>(null);
  const [preview, setPreview] = useState<UploadPreview | null>(null);
  const [live, setLive] = useState<ExtensionState | null>(null);
  const [copied, setCopied] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();
  const seen = useRef<string | null>(null);
  const showing = useRef(sessionId);
  showing.current = sessionId;

  const act = (work: () => Promise<void>) => {
    setNotice(null);
    setCopied(false);
    return run(work);
  };
  /** Loads what the page shows now; the preview too, when it is open. */
  const reload = async (withPreview = preview !== null) => {
    const id = showing.current;
    if (id === null) {
      setList(await sendToBackground({ type: 'review/sessions' }));
      return;
    }
    const next = await sendToBackground({ type: 'review/session', id });
    if (showing.current !== id) return;
    setDetail(next);
    if (withPreview && next.session.uploadable) {
      setPreview(await sendToBackground({ type: 'review/preview-upload', session: id }));
    }
  };

  const go = (id: string | null) => {
    history.pushState(null, '', id ? `?session=${id}` : location.pathname);
    setSessionId(id);
  };

  useEffect(() => {
    const onPop = () => {
      setNotice(null);
      setSessionId(sessionInAddress());
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    setDetail(null);
    setPreview(null);
    setError(null);
    void run(() => reload(false));
  }, [sessionId]);

  // Upload progress, the queue's messages and newly recorded steps, every second.
  useEffect(() => {
    let live = true;
    const poll = async () => {
      const state = await sendToBackground({ type: 'state/get' });
      if (!live) return;
      setLive(state);
      const print = fingerprint(state);
      if (seen.current !== null && seen.current !== print) await reload().catch(() => undefined);
      seen.current = print;
    };
    void poll().catch(() => undefined);
    const timer = setInterval(() => void poll().catch(() => undefined), 1_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [sessionId, preview !== null]);

  const openOptions = () => void browser.runtime.openOptionsPage();

  return (
    <ReviewView
      sessionId={sessionId}
      list={list}
      detail={detail}
      live={live}
      busy={busy}
      error={error}
      notice={notice}
      listActions={{
        onOpen: (id) => {
          setNotice(null);
          go(id);
        },
        onUploadAll: () =>
          act(async () => {
            // Progress shows in the list itself, as it happens.
            setLive(await sendToBackground({ type: 'upload/now' }));
          }),
        onExport: () =>
          act(async () => {
            const file = await sendToBackground({ type: 'local/export' });
            const url = URL.createObjectURL(
              new Blob([file.jsonl], { type: 'application/x-ndjson' }),
            );
            const link = document.createElement('a');
            link.href = url;
            link.download = file.fileName;
            link.click();
            setTimeout(() => URL.revokeObjectURL(url), 60_000);
            setNotice(`Exported ${plural(file.lines, 'event')} to ${file.fileName}.`);
          }),
        onRejoin: () =>
          act(async () => {
            setLive(await sendToBackground({ type: 'study/rejoin' }));
          }),
        onOpenOptions: openOptions,
      }}
      sessionActions={{
        preview,
        copied,
        onBack: () => {
          setNotice(null);
          go(null);
        },
        onUpload: () =>
          act(async () => {
            const id = showing.current as string;
            // Progress shows under Upload, as it happens; it goes on if the page closes.
            setLive(await sendToBackground({ type: 'upload/session', id }));
            await reload();
          }),
        onShowPreview: () =>
          act(async () => {
            const id = showing.current as string;
            setPreview(await sendToBackground({ type: 'review/preview-upload', session: id }));
          }),
        onHidePreview: () => {
          setPreview(null);
          setCopied(false);
        },
        onCopy: (json) =>
          act(async () => {
            await navigator.clipboard.writeText(json);
            setCopied(true);
          }),
        onDeleteSteps: async (seqs, what) => {
          let ok = false;
          await act(async () => {
            const session = showing.current as string;
            const outcome = await sendToBackground({
              type: 'review/delete-steps',
              session,
              seqs,
            });
            await reload();
            setNotice(
              `Deleted ${what} from this computer.${
                outcome.alreadyUploaded > 0
                  ? ` The collector keeps the ${plural(outcome.alreadyUploaded, 'step')} it already had.`
                  : ''
              }`,
            );
            ok = true;
          });
          return ok;
        },
        onDeleteSession: () =>
          act(async () => {
            const id = showing.current as string;
            const startedAt = detail?.session.startedAt;
            const outcome = await sendToBackground({
              type: 'review/delete-session',
              id,
            });
            go(null);
            setNotice(
              `Deleted the session${startedAt ? ` from ${formatWhen(startedAt)}` : ''} and its ${plural(outcome.deleted, 'step')} from this computer.${
                outcome.alreadyUploaded > 0
                  ? ` The collector keeps the ${plural(outcome.alreadyUploaded, 'step')} it already had.`
                  : ''
              }`,
            );
          }),
        onSaveTasks: async (tasks: TaskSpan[], done: string) => {
          let ok = false;
          await act(async () => {
            const session = showing.current as string;
            await sendToBackground({
              type: 'review/set-tasks',
              session,
              tasks,
              ...(detail ? { through: detail.session.nextSeq } : {}),
            });
            await reload();
            setNotice(done);
            ok = true;
          });
          return ok;
        },
        onError: (message) => {
          setNotice(null);
          setError(message);
        },
      }}
    />
  );
}

const root = document.getElementById('app');
if (root) render(<Review />, root);
