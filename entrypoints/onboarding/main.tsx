import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ConsentScreen } from '../../components/ConsentScreen';
import { Joined } from '../../components/Joined';
import { JoinForm } from '../../components/JoinForm';
import '../../components/styles.css';
import { useAction } from '../../components/use-action';
import { collectorOrigin } from '../../lib/background/collector-origin';
import { revokeSiteAccess } from '../../lib/background/revoke-site-access';
import { sendToBackground } from '../../lib/messaging/send-to-background';
import { allowlistOrigins } from '../../lib/privacy/allowlist';
import type { StudyManifest } from '../../lib/schema';
import { parseStudyLink } from '../../lib/settings/fetch-study';

type Step =
  | { name: 'link'; declined?: boolean }
  | {
      name: 'consent';
      study: StudyManifest;
      changes?: string[];
      /** Set when pressing "I agree" joined nothing because the study changed meanwhile. */
      changedWhileReading?: { note?: string; earlier: StudyManifest[] };
    }
  | { name: 'joined'; studyName: string; sites: string[] };

const RECONSENT = new URLSearchParams(location.search).has('reconsent');

/** Origins the consent asks for: the study's sites and its collector. */
const originsFor = (study: StudyManifest) => [
  ...allowlistOrigins(study.allowlist),
  collectorOrigin(study.endpoint),
];

function Onboarding() {
  const [step, setStep] = useState<Step>({ name: 'link' });
  const [link, setLink] = useState('');
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    if (!RECONSENT) return;
    void run(async () => {
      const pending = await sendToBackground({
        type: 'study/pending',
      });
      if (pending) setStep({ name: 'consent', ...pending });
      else location.assign(browser.runtime.getURL('/options.html'));
    });
  }, []);

  if (step.name === 'link') {
    return (
      <>
        {step.declined && (
          <p class="notice card" role="status">
            You declined. Nothing was recorded and nothing was kept.
          </p>
        )}
        <JoinForm
          link={link}
          busy={busy}
          error={error}
          onLinkChange={setLink}
          onSubmit={() => {
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
              const study = await sendToBackground({
                type: 'study/preview',
                studyUrl: link,
              });
              setStep({ name: 'consent', study });
            });
          }}
        />
        <p class="card muted">
          No study? You can also{' '}
          <a href={browser.runtime.getURL('/options.html')}>record for yourself only</a>, with
          nothing uploaded.
        </p>
      </>
    );
  }
  if (step.name === 'consent') {
    const { study, changes, changedWhileReading } = step;
    return (
      <ConsentScreen
        study={study}
        busy={busy}
        error={error}
        changes={changes}
        changedWhileReading={changedWhileReading}
        onDecline={() => {
          if (changes && !changedWhileReading) {
            location.assign(browser.runtime.getURL('/options.html'));
            return;
          }
          // Declining leaves nothing behind, not even access to the study's server.
          // Including the sites of versions read earlier, which "I agree" may have granted.
          const studies = [study, ...(changedWhileReading?.earlier ?? [])];
          void revokeSiteAccess([
            collectorOrigin(link.trim()),
            ...studies.flatMap(originsFor),
          ]).then(() => setStep({ name: 'link', declined: true }));
        }}
        onAgree={() => {
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
            // The background joins under exactly these terms, or answers with what changed.
            const outcome = await sendToBackground({
              type: 'study/join',
              studyUrl: link,
              study,
            });
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
        }}
      />
    );
  }
  return <Joined studyName={step.studyName} sites={step.sites} />;
}

const root = document.getElementById('app');
if (root) render(<Onboarding />, root);
