import { render } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ConsentScreen } from '../../components/ConsentScreen';
import { Joined } from '../../components/Joined';
import { JoinForm } from '../../components/JoinForm';
import '../../components/styles.css';
import { sendToBackground } from '../../lib/messaging/send-to-background';
import { allowlistOrigins } from '../../lib/privacy/allowlist';
import type { StudyManifest } from '../../lib/schema';

type Step =
  | { name: 'link' }
  | { name: 'consent'; study: StudyManifest }
  | { name: 'joined'; studyName: string; sites: string[] };

function Onboarding() {
  const [step, setStep] = useState<Step>({ name: 'link' });
  const [link, setLink] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  if (step.name === 'link') {
    return (
      <JoinForm
        link={link}
        busy={busy}
        error={error}
        onLinkChange={setLink}
        onSubmit={() =>
          run(async () => {
            const study = await sendToBackground<StudyManifest>({
              type: 'study/preview',
              studyUrl: link,
            });
            setStep({ name: 'consent', study });
          })
        }
      />
    );
  }
  if (step.name === 'consent') {
    const { study } = step;
    return (
      <ConsentScreen
        study={study}
        busy={busy}
        error={error}
        onBack={() => setStep({ name: 'link' })}
        onAgree={() => {
          // Must be called inside the click: browsers only ask for sites during a user gesture.
          const granted = browser.permissions.request({
            origins: allowlistOrigins(study.allowlist),
          });
          void run(async () => {
            if (!(await granted)) {
              throw new Error(
                'The study needs access to its sites to record there. Click "I agree" again and allow access.',
              );
            }
            const joined = await sendToBackground<{ studyName: string; recordingOn: string[] }>({
              type: 'study/join',
              studyUrl: link,
            });
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
