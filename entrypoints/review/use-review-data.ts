import { useEffect, useRef, useState } from 'preact/hooks';
import { useAction } from '../../components/use-action';
import { sendToBackground } from '../../lib/messaging/send-to-background';
import type {
  ExtensionState,
  ReviewList,
  ReviewSessionDetail,
  UploadPreview,
} from '../../lib/schema';

/** What the review page's hook holds; its actions are built from it. */
export type ReviewData = ReturnType<typeof useReviewData>;

const sessionInAddress = () => new URLSearchParams(location.search).get('session');

/** What, when it changes, means the page's data is stale: steps recorded or uploaded. */
const fingerprint = (state: ExtensionState) =>
  JSON.stringify([
    state.mode,
    state.session?.id,
    state.session?.eventCount,
    state.upload.sessions.map((row) => [row.session, row.status, row.sent, row.total]),
  ]);

/**
 * The review page's data: which session the address shows, the list or that session,
 * the upload preview, the extension's live state (polled every second, reloading what
 * the page shows when steps are recorded or uploaded), and the notices of actions.
 */
export function useReviewData() {
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

  return {
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
  };
}
