import type { LeaveOutcome } from '../lib/schema';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function LeftReceipt({ outcome }: { outcome: LeaveOutcome }) {
  return (
    <section class="card" aria-labelledby="left-title" aria-live="polite">
      <h1 id="left-title">Recording has stopped</h1>
      <p>
        Deleted from this computer: {plural(outcome.deleted.sessions, 'session')},{' '}
        {plural(outcome.deleted.events, 'event')}. Site access was given back.
      </p>
      {outcome.erased ? (
        <>
          <h2>Erasure receipt from the collector</h2>
          <dl class="receipt">
            <dt>Participant</dt>
            <dd>
              <code>{outcome.erased.participant}</code>
            </dd>
            <dt>Erased at</dt>
            <dd>{new Date(outcome.erased.erasedAt).toLocaleString()}</dd>
            <dt>Sessions erased</dt>
            <dd data-testid="erased-sessions">{outcome.erased.sessions}</dd>
            <dt>Events erased</dt>
            <dd data-testid="erased-events">{outcome.erased.events}</dd>
          </dl>
          <p class="muted">Keep this page if you want a record of your withdrawal.</p>
        </>
      ) : null}
    </section>
  );
}
