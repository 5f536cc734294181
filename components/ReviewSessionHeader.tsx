import type { ReviewSessionSummary } from '../lib/schema';
import { formatWhen } from '../lib/trace/format';

type Props = { session: ReviewSessionSummary; onBack: () => void };

/** The way back to the list, which session this is, and whether it is still growing. */
export function ReviewSessionHeader({ session, onBack }: Props) {
  return (
    <>
      <p class="review-back">
        <a
          href="?"
          onClick={(event) => {
            // A modified click opens the list in a new tab, as the browser would.
            if (event.ctrlKey || event.metaKey || event.shiftKey) return;
            event.preventDefault();
            onBack();
          }}
        >
          ← All sessions
        </a>
      </p>
      <h1>Session from {formatWhen(session.startedAt)}</h1>
      {session.recording && (
        <p class="review-live" role="status">
          <span class="badge live">recording</span> Still recording: new steps appear here as they
          are recorded.
        </p>
      )}
    </>
  );
}
