import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { OnboardingStep } from '../../components/OnboardingView';
import { useAction } from '../../components/use-action';
import { sendToBackground } from '../../lib/messaging/send-to-background';
import { collectorOrigin } from '../../lib/settings/collector-origin';
import { parseStudyLink } from '../../lib/settings/fetch-study';
import { agreeToConsent, declineConsent } from './consent-actions';

/** Opened from a "review the changes" button: the study changed since the volunteer agreed. */
const RECONSENT = new URLSearchParams(location.search).has('reconsent');

/**
 * The onboarding page's data: the step the volunteer is at, the study link typed so
 * far, and what each step's buttons do.
 */
export function useOnboardingData() {
  const [step, setStep] = useState<OnboardingStep>({ name: 'link' });
  const [link, setLink] = useState('');
  const { busy, error, setError, run } = useAction();
  const deps = { link, setStep, run };

  useEffect(() => {
    if (!RECONSENT) return;
    void run(async () => {
      const pending = await sendToBackground({ type: 'study/pending' });
      if (pending) setStep({ name: 'consent', ...pending });
      else location.assign(browser.runtime.getURL('/options.html'));
    });
  }, []);

  const submitLink = () => {
    let url: URL;
    try {
      url = parseStudyLink(link);
    } catch (caught) {
      setError((caught as Error).message);
      return;
    }
    // Reading the study needs its server's permission; only a click may ask for it.
    const granted = browser.permissions.request({ origins: [collectorOrigin(url)] });
    void run(async () => {
      if (!(await granted)) {
        throw new Error(
          `tasktrace needs access to ${url.origin} to read the study. Click "Join study" again and allow it.`,
        );
      }
      const study = await sendToBackground({ type: 'study/preview', studyUrl: link });
      setStep({ name: 'consent', study });
    });
  };

  return {
    step,
    link,
    busy,
    error,
    optionsUrl: browser.runtime.getURL('/options.html'),
    onLinkChange: setLink,
    onSubmitLink: submitLink,
    onDecline: () => step.name === 'consent' && declineConsent(step, deps),
    onAgree: () => step.name === 'consent' && agreeToConsent(step, deps),
  };
}
