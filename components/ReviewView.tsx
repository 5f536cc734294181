import type { ComponentProps } from 'preact';
import type { ExtensionState, ReviewList, ReviewSessionDetail } from '../lib/schema';
import { ReviewSession } from './ReviewSession';
import { ReviewSessionList } from './ReviewSessionList';

type ListActions = Omit<ComponentProps<typeof ReviewSessionList>, 'list' | 'upload' | 'busy'>;
type SessionActions = Omit<
  ComponentProps<typeof ReviewSession>,
  'detail' | 'upload' | 'busy' | 'onRejoin' | 'onOpenOptions' | 'onExport'
>;

type Props = {
  /** The session asked for in the address (`?session=`), or null for the list. */
  sessionId: string | null;
  list: ReviewList | null;
  detail: ReviewSessionDetail | null;
  /** The extension's state, polled every second: upload progress and the queue's messages. */
  live: ExtensionState | null;
  busy: boolean;
  error: string | null;
  notice: string | null;
  listActions: ListActions;
  sessionActions: SessionActions;
};

/** The review page: the list of sessions, or one session, with the page's notices. */
export function ReviewView(props: Props) {
  const { sessionId, list, detail, live, busy, error, notice } = props;
  const upload = live?.upload ?? null;
  const showing = sessionId ? detail : list;
  return (
    <main class="review">
      {error && (
        <p class="error card review-message" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p class="notice card review-message" role="status">
          {notice}
        </p>
      )}
      {!showing ? (
        sessionId && error ? (
          <p class="review-back">
            <a
              href="?"
              onClick={(event) => {
                event.preventDefault();
                props.sessionActions.onBack();
              }}
            >
              ← All sessions
            </a>
          </p>
        ) : (
          !error && <p class="muted">Loading…</p>
        )
      ) : sessionId && detail ? (
        <ReviewSession
          detail={detail}
          upload={upload}
          busy={busy}
          onRejoin={props.listActions.onRejoin}
          onOpenOptions={props.listActions.onOpenOptions}
          onExport={props.listActions.onExport}
          {...props.sessionActions}
        />
      ) : (
        list && <ReviewSessionList list={list} upload={upload} busy={busy} {...props.listActions} />
      )}
    </main>
  );
}
