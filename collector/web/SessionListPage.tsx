import { useEffect, useState } from 'preact/hooks';
import { type AnnotatedFilter, SessionFilters } from '../../components/SessionFilters';
import { SessionList } from '../../components/SessionList';
import type { SessionsPage, StudySummary } from '../../lib/schema';
import { CollectorRequestError, listSessions } from './api';

export const PAGE_SIZE = 20;

export type ListState = {
  study: string;
  annotated: AnnotatedFilter;
  /** The `after` cursor of each page seen so far; the last is the page shown. */
  cursors: (string | null)[];
};

type Props = {
  token: string;
  studies: StudySummary[];
  state: ListState;
  onState: (state: ListState) => void;
  onOpen: (id: string) => void;
  onRefused: (message: string) => void;
};

/** Uploaded sessions of a study, filtered and paged, each opening its timeline. */
export function SessionListPage({ token, studies, state, onState, onOpen, onRefused }: Props) {
  const [page, setPage] = useState<SessionsPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const after = state.cursors[state.cursors.length - 1] ?? null;

  useEffect(() => {
    if (!state.study) return;
    let live = true;
    setPage(null);
    setError(null);
    listSessions(token, {
      study: state.study,
      limit: PAGE_SIZE,
      annotated: state.annotated === 'all' ? undefined : state.annotated === 'true',
      after: after ?? undefined,
    })
      .then((next) => live && setPage(next))
      .catch((failure: Error) => {
        if (!live) return;
        if (failure instanceof CollectorRequestError && failure.status === 401) {
          onRefused(failure.message);
        } else setError(failure.message);
      });
    return () => {
      live = false;
    };
  }, [token, state.study, state.annotated, after]);

  const pageNumber = state.cursors.length;
  return (
    <main class="web-main">
      <div class="page-head">
        <h1>Annotate</h1>
        <p class="muted">
          Open a session, mark where each task starts and ends, write its goal and outcome, and
          save. Press <kbd>?</kbd> in a session for the keyboard shortcuts.
        </p>
      </div>
      <section class="web-panel" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Sessions</h2>
        <SessionFilters
          studies={studies}
          study={state.study}
          annotated={state.annotated}
          onChange={(filters) => onState({ ...filters, cursors: [null] })}
        />
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {page ? (
          <SessionList
            sessions={page.sessions}
            hrefFor={(id) => `/annotate?session=${encodeURIComponent(id)}`}
            onOpen={onOpen}
          />
        ) : (
          !error && (
            <p class="muted" role="status">
              Loading sessions…
            </p>
          )
        )}
        <nav class="pager" aria-label="Pages of sessions">
          <button
            type="button"
            disabled={pageNumber <= 1}
            onClick={() => onState({ ...state, cursors: state.cursors.slice(0, -1) })}
          >
            Previous page
          </button>
          <span class="muted small">Page {pageNumber}</span>
          <button
            type="button"
            disabled={!page?.next}
            onClick={() =>
              page?.next && onState({ ...state, cursors: [...state.cursors, page.next] })
            }
          >
            Next page
          </button>
        </nav>
      </section>
    </main>
  );
}
