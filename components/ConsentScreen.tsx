import { RECORDED, RECORDED_AT_LABELS } from '../lib/privacy/disclosure';
import type { StudyManifest } from '../lib/schema';
import { NeverRecorded } from './NeverRecorded';

type Props = {
  study: StudyManifest;
  busy: boolean;
  error: string | null;
  /** When the volunteer already agreed to an earlier version: what changed since. */
  changes?: string[];
  /**
   * The study changed while the volunteer was reading it, so pressing "I agree" joined
   * nothing: `changes` then says what differs from what they read, `note` anything more.
   */
  changedWhileReading?: { note?: string };
  onAgree: () => void;
  onDecline: () => void;
};

export function ConsentScreen({
  study,
  busy,
  error,
  changes,
  changedWhileReading,
  onAgree,
  onDecline,
}: Props) {
  return (
    <section class="card" aria-labelledby="consent-title">
      <h1 id="consent-title">{study.name}</h1>
      <p class="muted">
        Run by {study.researcher.name} ({study.researcher.contact})
      </p>
      {changes && changedWhileReading && (
        <div class="warning" role="alert">
          <p>
            <strong>This study changed while you were reading it</strong>: {changes.join(', ')}. You
            have not joined. Read it again as it reads now, and agree only if you still want to take
            part.
          </p>
          {changedWhileReading.note && <p>{changedWhileReading.note}</p>}
        </div>
      )}
      {changes && !changedWhileReading && (
        <div class="warning" role="alert">
          <p>
            <strong>This study changed since you agreed</strong>: {changes.join(', ')}. Nothing is
            recorded until you agree to it as it reads now.
          </p>
        </div>
      )}
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
      <ul class="recorded">
        {[...RECORDED, ...(study.captureLevel === 'labels' ? RECORDED_AT_LABELS : [])].map(
          (item) => (
            <li key={item}>{item}</li>
          ),
        )}
      </ul>
      <p class="muted">
        Capture level: <strong>{study.captureLevel}</strong>
        {study.captureLevel === 'structure'
          ? ' — no text from the page, not even the names of buttons.'
          : ' — includes the names of the buttons, links, fields and headings on the pages you use.'}
      </p>
      <p class="muted">
        Kept as they are: only structural words — common web words (search, cart, settings…) and the
        words of this study's site paths and page templates. Names, searches, subjects and every
        other word in addresses, ids and names are replaced.
        {study.structuralWords?.length ? (
          <>
            {' '}
            This study adds these words: <code>{study.structuralWords.join(', ')}</code>.
          </>
        ) : null}
      </p>

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
        <button type="button" onClick={onDecline} disabled={busy}>
          {changes && !changedWhileReading ? 'Not now' : 'Decline'}
        </button>
        <button type="button" class="primary" onClick={onAgree} disabled={busy}>
          {busy ? 'Saving…' : 'I agree'}
        </button>
      </div>
    </section>
  );
}
