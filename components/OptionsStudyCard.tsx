import type { OptionsState } from '../lib/schema';
import { SiteList } from './SiteList';

type Props = {
  study: NonNullable<OptionsState['study']>;
  reconsent: OptionsState['reconsent'];
  sites: OptionsState['sites'];
  busy: boolean;
  onReviewChanges: () => void;
};

/** The study the volunteer joined: what they agreed to, where uploads go, and its sites. */
export function OptionsStudyCard({ study, reconsent, sites, busy, onReviewChanges }: Props) {
  return (
    <section class="card" aria-labelledby="study-title">
      <h2 id="study-title">Your study: {study.name}</h2>
      {reconsent && (
        <div class="warning" role="alert">
          <p>
            <strong>The study changed</strong> ({reconsent.changes.join(', ')}). Nothing is recorded
            until you read it and agree again.
          </p>
          <button type="button" class="primary" onClick={onReviewChanges}>
            Review the changes
          </button>
        </div>
      )}
      <dl class="facts">
        <dt>Researcher</dt>
        <dd>
          {study.researcher} ({study.contact})
        </dd>
        <dt>You agreed to</dt>
        <dd>
          consent version {study.consentVersion}, on{' '}
          {new Date(study.enrolledAt).toLocaleDateString()}
        </dd>
        <dt>Recorded</dt>
        <dd>
          {study.captureLevel === 'labels'
            ? 'structure and the visible names of buttons and fields'
            : 'structure only'}
        </dd>
        <dt>Uploads go to</dt>
        <dd>
          <code>{study.endpoint}</code>, kept {study.retentionDays} days
        </dd>
      </dl>
      <h3>Sites</h3>
      <SiteList sites={sites} busy={busy} />
    </section>
  );
}
