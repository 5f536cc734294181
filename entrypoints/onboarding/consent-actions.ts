import { browser } from 'wxt/browser';
import type { OnboardingStep } from '../../components/OnboardingView';
import { sendToBackground } from '../../lib/messaging/send-to-background';
import { allowlistOrigins } from '../../lib/privacy/allowlist';
import type { StudyManifest } from '../../lib/schema';
import { collectorOrigin } from '../../lib/settings/collector-origin';
import { revokeSiteAccess } from '../../lib/settings/revoke-site-access';

type Consent = Extract<OnboardingStep, { name: 'consent' }>;

type Deps = {
  /** The study link as the volunteer typed it. */
  link: string;
  setStep: (step: OnboardingStep) => void;
  run: (work: () => Promise<void>) => Promise<void>;
};

/** Origins the consent asks for: the study's sites and its collector. */
const originsFor = (study: StudyManifest) => [
  ...allowlistOrigins(study.allowlist),
  collectorOrigin(study.endpoint),
];

/** Declining leaves nothing behind, not even access to the study's server. */
export function declineConsent({ study, changes, changedWhileReading }: Consent, deps: Deps) {
  if (changes && !changedWhileReading) {
    location.assign(browser.runtime.getURL('/options.html'));
    return;
  }
  // Including the sites of versions read earlier, which "I agree" may have granted.
  const studies = [study, ...(changedWhileReading?.earlier ?? [])];
  void revokeSiteAccess([collectorOrigin(deps.link.trim()), ...studies.flatMap(originsFor)]).then(
    () => deps.setStep({ name: 'link', declined: true }),
  );
}

/**
 * Agreeing grants the study's sites, then joins (or consents again to a changed study).
 * The background joins under exactly the terms read, or answers with what changed.
 */
export function agreeToConsent({ study, changes, changedWhileReading }: Consent, deps: Deps) {
  const { link, setStep, run } = deps;
  // Must be called inside the click: browsers only ask for sites during a user gesture.
  const granted = browser.permissions.request({ origins: originsFor(study) });
  void run(async () => {
    if (!(await granted)) {
      throw new Error(
        'The study needs access to its sites to record there. Click "I agree" again and allow access.',
      );
    }
    if (changes && !changedWhileReading) {
      const sites = await sendToBackground({ type: 'study/consent-again' });
      setStep({ name: 'joined', studyName: study.name, sites });
      return;
    }
    const outcome = await sendToBackground({ type: 'study/join', studyUrl: link, study });
    if ('changed' in outcome) {
      const { study: current, changes: changed, note } = outcome.changed;
      const earlier = [study, ...(changedWhileReading?.earlier ?? [])];
      setStep({
        name: 'consent',
        study: current,
        changes: changed,
        changedWhileReading: { note, earlier },
      });
      scrollTo(0, 0);
      return;
    }
    const { joined } = outcome;
    setStep({ name: 'joined', studyName: joined.studyName, sites: joined.recordingOn });
  });
}
