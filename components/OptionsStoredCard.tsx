import type { OptionsState } from '../lib/schema';

type Props = {
  mode: OptionsState['mode'];
  stored: OptionsState['stored'];
};

/** What is kept on this computer, and for a study how much still waits to upload. */
export function OptionsStoredCard({ mode, stored }: Props) {
  return (
    <section class="card" aria-labelledby="stored-title">
      <h2 id="stored-title">On this computer</h2>
      <p data-testid="stored-summary">
        {stored.sessions} {stored.sessions === 1 ? 'session' : 'sessions'}, {stored.events}{' '}
        {stored.events === 1 ? 'event' : 'events'}
        {mode === 'study' && `, ${stored.pendingUpload} waiting to upload`}.
      </p>
    </section>
  );
}
