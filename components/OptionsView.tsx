import { useState } from 'preact/hooks';
import type { OptionsState } from '../lib/schema';
import { LeaveCard } from './LeaveCard';
import { SiteList } from './SiteList';

type Props = {
  state: OptionsState;
  busy: boolean;
  error: string | null;
  notice: string | null;
  onJoin: () => void;
  onReviewChanges: () => void;
  onStartLocal: (captureLevel: 'structure' | 'labels') => void;
  onAddSite: (match: string) => void;
  onRemoveSite: (match: string) => void;
  onExport: () => void;
  onAutoPause: (minutes: number) => void;
  onLeave: (erase: boolean) => void;
};

const AUTO_PAUSE = [0, 5, 10, 15, 30, 60];

export function OptionsView(props: Props) {
  const { state, busy, error, notice } = props;
  return (
    <main class="stack">
      <h1>tasktrace options</h1>
      {error && (
        <p class="error card" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p class="notice card" role="status">
          {notice}
        </p>
      )}
      {state.mode === 'none' && <NotRecording {...props} />}
      {state.mode === 'study' && state.study && (
        <section class="card" aria-labelledby="study-title">
          <h2 id="study-title">Your study: {state.study.name}</h2>
          {state.reconsent && (
            <div class="warning" role="alert">
              <p>
                <strong>The study changed</strong> ({state.reconsent.changes.join(', ')}). Nothing
                is recorded until you read it and agree again.
              </p>
              <button type="button" class="primary" onClick={props.onReviewChanges}>
                Review the changes
              </button>
            </div>
          )}
          <dl class="facts">
            <dt>Researcher</dt>
            <dd>
              {state.study.researcher} ({state.study.contact})
            </dd>
            <dt>You agreed to</dt>
            <dd>
              consent version {state.study.consentVersion}, on{' '}
              {new Date(state.study.enrolledAt).toLocaleDateString()}
            </dd>
            <dt>Recorded</dt>
            <dd>
              {state.study.captureLevel === 'labels'
                ? 'structure and the visible names of buttons and fields'
                : 'structure only'}
            </dd>
            <dt>Uploads go to</dt>
            <dd>
              <code>{state.study.endpoint}</code>, kept {state.study.retentionDays} days
            </dd>
          </dl>
          <h3>Sites</h3>
          <SiteList sites={state.sites} busy={busy} />
        </section>
      )}
      {state.mode === 'local' && state.local && <LocalCard {...props} />}
      {state.mode !== 'none' && (
        <section class="card" aria-labelledby="pause-title">
          <h2 id="pause-title">Pause automatically</h2>
          <label for="auto-pause">When you are away from the computer</label>
          <select
            id="auto-pause"
            value={String(state.autoPauseMinutes)}
            disabled={busy}
            onChange={(event) => props.onAutoPause(Number(event.currentTarget.value))}
          >
            {AUTO_PAUSE.map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {minutes === 0 ? 'Never' : `Pause after ${minutes} minutes away`}
              </option>
            ))}
          </select>
          <p class="muted">
            Recording stays paused when you come back, until you resume it from the toolbar button
            or with Alt+Shift+P.
          </p>
        </section>
      )}
      {state.mode !== 'none' && (
        <section class="card" aria-labelledby="stored-title">
          <h2 id="stored-title">On this computer</h2>
          <p data-testid="stored-summary">
            {state.stored.sessions} {state.stored.sessions === 1 ? 'session' : 'sessions'},{' '}
            {state.stored.events} {state.stored.events === 1 ? 'event' : 'events'}
            {state.mode === 'study' && `, ${state.stored.pendingUpload} waiting to upload`}.
          </p>
        </section>
      )}
      {state.mode !== 'none' && (
        <LeaveCard
          mode={state.mode}
          sessions={state.stored.sessions}
          busy={busy}
          onLeave={props.onLeave}
        />
      )}
    </main>
  );
}

function NotRecording({ busy, onJoin, onStartLocal }: Props) {
  const [level, setLevel] = useState<'structure' | 'labels'>('structure');
  return (
    <>
      <section class="card" aria-labelledby="none-title">
        <h2 id="none-title">You are not recording</h2>
        <p>Join a research study with the link a researcher gave you.</p>
        <button type="button" class="primary" onClick={onJoin}>
          Join a study
        </button>
      </section>
      <section class="card" aria-labelledby="self-title">
        <h2 id="self-title">Record for yourself</h2>
        <p>
          No study and no upload: you choose the sites, the recording stays on this computer, and
          you can export it as a JSONL file.
        </p>
        <fieldset>
          <legend>What to record</legend>
          <label class="choice">
            <input
              type="radio"
              name="level"
              checked={level === 'structure'}
              onChange={() => setLevel('structure')}
            />
            Structure only: what you click and edit, by type and position
          </label>
          <label class="choice">
            <input
              type="radio"
              name="level"
              checked={level === 'labels'}
              onChange={() => setLevel('labels')}
            />
            Structure and the visible names of buttons and fields
          </label>
        </fieldset>
        <button type="button" disabled={busy} onClick={() => onStartLocal(level)}>
          Record for myself
        </button>
      </section>
    </>
  );
}

function LocalCard({ state, busy, onAddSite, onRemoveSite, onExport }: Props) {
  const [site, setSite] = useState('');
  return (
    <section class="card" aria-labelledby="local-title">
      <h2 id="local-title">Recording for yourself</h2>
      <p class="muted">
        Nothing is uploaded.{' '}
        {state.local?.captureLevel === 'labels'
          ? 'Structure and visible names are recorded.'
          : 'Structure only is recorded.'}
      </p>
      <h3>Your sites</h3>
      <SiteList sites={state.sites} busy={busy} onRemove={onRemoveSite} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onAddSite(site.trim());
          setSite('');
        }}
      >
        <label for="new-site">Site to record</label>
        <input
          id="new-site"
          type="url"
          required
          placeholder="https://www.example.org/*"
          value={site}
          disabled={busy}
          onInput={(event) => setSite(event.currentTarget.value)}
        />
        <p class="muted">
          A match pattern: the address with <code>*</code> for any path, such as{' '}
          <code>https://shop.example/*</code>.
        </p>
        <button type="submit" disabled={busy || site.trim() === ''}>
          Add site
        </button>
      </form>
      <h3>Export</h3>
      <p>Save everything recorded here as a JSONL file in the tasktrace dataset format.</p>
      <button type="button" disabled={busy || state.stored.events === 0} onClick={onExport}>
        Export as JSONL
      </button>
    </section>
  );
}
