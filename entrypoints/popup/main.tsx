import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView } from '../../components/PopupView';
import '../../components/styles.css';
import { sendToBackground } from '../../lib/messaging/send-to-background';
import type { ExtensionState } from '../../lib/schema';

/** The page the popup was opened on; activeTab lets the popup read that address only. */
async function activeTabUrl(): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url;
}

function Popup() {
  const [state, setState] = useState<ExtensionState | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const refresh = () =>
      activeTabUrl()
        .then((url) => sendToBackground({ type: 'state/get', url }))
        .then((next) => live && setState(next))
        .catch((error: Error) => live && setMessage(error.message));
    // Opening the popup is a good moment to learn that the study's terms changed.
    void refresh().then(() =>
      sendToBackground({ type: 'study/check' })
        .then(refresh)
        .catch(() => undefined),
    );
    const timer = setInterval(refresh, 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PopupView
      state={state}
      busy={busy}
      message={message}
      onJoin={() => void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') })}
      onReviewChanges={() =>
        void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html?reconsent') })
      }
      onOptions={() => void browser.runtime.openOptionsPage()}
      onTogglePause={() =>
        act(async () => {
          setState(
            await sendToBackground({
              type: 'state/set-paused',
              paused: !state?.paused,
            }),
          );
        })
      }
      onUpload={() =>
        act(async () => {
          setState(await sendToBackground({ type: 'upload/now' }));
        })
      }
      onReview={() => void browser.tabs.create({ url: browser.runtime.getURL('/review.html') })}
      onStartTask={(goal) =>
        act(async () => {
          setState(await sendToBackground({ type: 'task/start', goal }));
        })
      }
      onEndTask={(outcome) =>
        act(async () => {
          setState(await sendToBackground({ type: 'task/end', outcome }));
        })
      }
      onRejoin={() =>
        act(async () => {
          setState(await sendToBackground({ type: 'study/rejoin' }));
        })
      }
    />
  );
}

const root = document.getElementById('app');
if (root) render(<Popup />, root);
