import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ReviewView } from '../../components/ReviewView';
import '../../components/styles.css';
import { sendToBackground } from '../../lib/messaging/send-to-background';
import type { TaskSpan } from '../../lib/schema';
import { formatWhen, plural } from '../../lib/trace/format';
import { useReviewData } from './use-review-data';

function Review() {
  const {
    sessionId,
    list,
    detail,
    preview,
    setPreview,
    live,
    setLive,
    copied,
    setCopied,
    notice,
    setNotice,
    busy,
    error,
    setError,
    act,
    reload,
    go,
    showing,
  } = useReviewData();

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
