import type { StudyManifest } from '../lib/schema';
import { ConsentScreen } from './ConsentScreen';
import { Joined } from './Joined';
import { JoinForm } from './JoinForm';

/** Where joining a study stands: the link asked for, the consent read, or joined. */
export type OnboardingStep =
  | { name: 'link'; declined?: boolean }
  | {
      name: 'consent';
      study: StudyManifest;
      changes?: string[];
      /** Set when pressing "I agree" joined nothing because the study changed meanwhile. */
      changedWhileReading?: { note?: string; earlier: StudyManifest[] };
    }
  | { name: 'joined'; studyName: string; sites: string[] };

type Props = {
  step: OnboardingStep;
  link: string;
  busy: boolean;
  error: string | null;
  /** Where recording for oneself is set up, for volunteers without a study. */
  optionsUrl: string;
  onLinkChange: (link: string) => void;
  onSubmitLink: () => void;
  onDecline: () => void;
  onAgree: () => void;
};

/** Joining a study: paste its link, read and agree to what it records, and done. */
export function OnboardingView(props: Props) {
  const { step, busy, error } = props;
  if (step.name === 'link') {
    return (
      <>
        {step.declined && (
          <p class="notice card" role="status">
            You declined. Nothing was recorded and nothing was kept.
          </p>
        )}
        <JoinForm
          link={props.link}
          busy={busy}
          error={error}
          onLinkChange={props.onLinkChange}
          onSubmit={props.onSubmitLink}
        />
        <p class="card muted">
          No study? You can also <a href={props.optionsUrl}>record for yourself only</a>, with
          nothing uploaded.
        </p>
      </>
    );
  }
  if (step.name === 'consent') {
    return (
      <ConsentScreen
        study={step.study}
        busy={busy}
        error={error}
        changes={step.changes}
        changedWhileReading={step.changedWhileReading}
        onDecline={props.onDecline}
        onAgree={props.onAgree}
      />
    );
  }
  return <Joined studyName={step.studyName} sites={step.sites} />;
}
