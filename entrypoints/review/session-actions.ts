import type { ComponentProps } from 'preact';
import type { ReviewView } from '../../components/ReviewView';
import { sendToBackground } from '../../lib/messaging/send-to-background';
import { formatWhen, plural } from '../../lib/trace/format';
import type { ReviewData } from './use-review-data';

type SessionActions = ComponentProps<typeof ReviewView>['sessionActions'];

/** The sentence added to a deletion's notice when the collector already had some steps. */
const collectorKeeps = (alreadyUploaded: number) =>
  alreadyUploaded > 0
    ? ` The collector keeps the ${plural(alreadyUploaded, 'step')} it already had.`
    : '';

/**
 * What one session's page does. Each acts on the session shown when it runs, which
 * may differ from the one shown when the button rendered.
 */
export function sessionActions(data: ReviewData): SessionActions {
  const { detail, act, reload, go, showing, setLive, setPreview, setCopied, setNotice } = data;
  return {
    preview: data.preview,
    copied: data.copied,
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
        const outcome = await sendToBackground({ type: 'review/delete-steps', session, seqs });
        await reload();
        setNotice(`Deleted ${what} from this computer.${collectorKeeps(outcome.alreadyUploaded)}`);
        ok = true;
      });
      return ok;
    },
    onDeleteSession: () =>
      act(async () => {
        const id = showing.current as string;
        const startedAt = detail?.session.startedAt;
        const outcome = await sendToBackground({ type: 'review/delete-session', id });
        go(null);
        setNotice(
          `Deleted the session${startedAt ? ` from ${formatWhen(startedAt)}` : ''} and its ${plural(outcome.deleted, 'step')} from this computer.${collectorKeeps(outcome.alreadyUploaded)}`,
        );
      }),
    onSaveTasks: async (tasks, done) => {
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
      data.setError(message);
    },
  };
}
