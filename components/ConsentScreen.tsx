import type { StudyManifest } from '../lib/schema';
import { NeverRecorded } from './NeverRecorded';

type Props = {
  study: StudyManifest;
  busy: boolean;
  error: string | null;
  onAgree: () => void;
  onBack: () => void;
};

const LEVELS = {
  structure:
    'What you click and which fields you edit, described by their type and position on the page — not their text.',
  labels:
    'As above, plus the visible name of each button or field you use (up to 80 characters, with emails, numbers and links replaced).',
} as const;

export function ConsentScreen({ study, busy, error, onAgree, onBack }: Props) {
  return (
    <section class="card" aria-labelledby="consent-title">
      <h1 id="consent-title">{study.name}</h1>
      <p class="muted">
        Run by {study.researcher.name} ({study.researcher.contact})
      </p>
      {study.description && <p>{study.description}</p>}

      <h2>Sites this study records</h2>
      <ul>
        {study.allowlist.map((entry) => (
          <li key={entry.match}>
            <code>{entry.match}</code>
            {entry.excludePaths.length > 0 && (
              <span class="muted"> — except {entry.excludePaths.join(', ')}</span>
            )}
          </li>
        ))}
      </ul>

      <h2>What is recorded</h2>
      <p>{LEVELS[study.captureLevel]}</p>

      <h2>Never recorded</h2>
      <NeverRecorded />

      <h2>Who receives it and for how long</h2>
      <p>
        Uploads go to <code>{study.endpoint}</code> and are kept for {study.retentionDays} days. You
        can pause at any time, review and delete before uploading, and leave the study.
      </p>

      <h2>Consent</h2>
      <div class="consent-text">{study.consent.text}</div>
      <p class="muted">Consent version {study.consent.version}</p>

      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" onClick={onBack} disabled={busy}>
          Back
        </button>
        <button type="button" class="primary" onClick={onAgree} disabled={busy}>
          {busy ? 'Joining…' : 'I agree'}
        </button>
      </div>
    </section>
  );
}
