import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useAction } from '../../components/use-action';
import { sendToBackground } from '../../lib/messaging/send-to-background';
import type { ExtensionState } from '../../lib/schema';

/** The page the popup was opened on; activeTab lets the popup read that address only. */
async function activeTabUrl(): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url;
}

const openTab = (url: string) => void browser.tabs.create({ url });

/**
 * The popup's data: the extension's state for the open tab, polled every second, and
 * what its buttons do. Every action answers with the new state, shown at once.
 */
export function usePopupData() {
  const [state, setState] = useState<ExtensionState | null>(null);
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    let live = true;
    const refresh = () =>
      activeTabUrl()
        .then((url) => sendToBackground({ type: 'state/get', url }))
        .then((next) => live && setState(next))
        .catch((error: Error) => live && setError(error.message));
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

  return {
    state,
    busy,
    message: error,
    onJoin: () => openTab(browser.runtime.getURL('/onboarding.html')),
    onReviewChanges: () => openTab(browser.runtime.getURL('/onboarding.html?reconsent')),
    onOptions: () => void browser.runtime.openOptionsPage(),
    onReview: () => openTab(browser.runtime.getURL('/review.html')),
    onTogglePause: () =>
      run(async () => {
        setState(await sendToBackground({ type: 'state/set-paused', paused: !state?.paused }));
      }),
    onUpload: () =>
      run(async () => {
        setState(await sendToBackground({ type: 'upload/now' }));
      }),
    onStartTask: (goal: string) =>
      run(async () => {
        setState(await sendToBackground({ type: 'task/start', goal }));
      }),
    onEndTask: (outcome: 'done' | 'gave-up') =>
      run(async () => {
        setState(await sendToBackground({ type: 'task/end', outcome }));
      }),
    onRejoin: () =>
      run(async () => {
        setState(await sendToBackground({ type: 'study/rejoin' }));
      }),
  };
}
