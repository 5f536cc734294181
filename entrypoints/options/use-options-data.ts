import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { saveJsonl } from '../../components/save-jsonl';
import { useAction } from '../../components/use-action';
import { sendToBackground } from '../../lib/messaging/send-to-background';
import { permissionOrigin } from '../../lib/privacy/match-pattern';
import type { LeaveOutcome, OptionsState } from '../../lib/schema';
import { parseSitePattern } from '../../lib/settings/parse-site-pattern';

/**
 * The options page's data: the settings (kept up to date every two seconds), the
 * receipt once the volunteer left, the notice of the last action, and what the
 * page's controls do.
 */
export function useOptionsData() {
  const [state, setState] = useState<OptionsState | null>(null);
  const [left, setLeft] = useState<LeaveOutcome | null>(null);
  const { busy, error, setError, run } = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const act = (work: () => Promise<void>) => {
    setNotice(null);
    return run(work);
  };

  const refresh = async () => setState(await sendToBackground({ type: 'options/get' }));

  useEffect(() => {
    void run(async () => {
      await refresh();
      // The study may have changed since the volunteer agreed; this page should say so.
      await sendToBackground({ type: 'study/check' });
      await refresh();
    });
    // Counts and site access change while the page is open (recording, the browser's
    // own permission settings), so it keeps up without a reload.
    const timer = setInterval(() => void refresh().catch(() => undefined), 2_000);
    return () => clearInterval(timer);
  }, []);

  return {
    state,
    left,
    busy,
    error,
    notice,
    onJoin: () => location.assign(browser.runtime.getURL('/onboarding.html')),
    onReviewChanges: () => location.assign(browser.runtime.getURL('/onboarding.html?reconsent')),
    onStartLocal: (captureLevel: 'structure' | 'labels') =>
      act(async () => setState(await sendToBackground({ type: 'local/start', captureLevel }))),
    onAddSite: (input: string) => {
      let match: string;
      try {
        match = parseSitePattern(input);
      } catch (caught) {
        setError((caught as Error).message);
        return;
      }
      // Must be called inside the click: browsers only ask for sites during a user gesture.
      const granted = browser.permissions.request({ origins: [permissionOrigin(match)] });
      void act(async () => {
        if (!(await granted)) {
          throw new Error(
            `tasktrace needs access to ${match} to record there. Add it again and allow access.`,
          );
        }
        setState(await sendToBackground({ type: 'local/add-site', match }));
        setNotice(`Recording ${match}. Reload its open pages to start there.`);
      });
    },
    onRemoveSite: (match: string) =>
      act(async () => {
        setState(await sendToBackground({ type: 'local/remove-site', match }));
        setNotice(
          `${match} is no longer recorded. What was recorded there stays until you delete it.`,
        );
      }),
    onExport: () =>
      act(async () => {
        const file = await sendToBackground({ type: 'local/export' });
        saveJsonl(file.fileName, file.jsonl);
        setNotice(
          `Exported ${file.lines} ${file.lines === 1 ? 'event' : 'events'} to ${file.fileName}.`,
        );
      }),
    onAutoPause: (minutes: number) =>
      act(async () => setState(await sendToBackground({ type: 'settings/auto-pause', minutes }))),
    onLeave: (erase: boolean) =>
      act(async () => setLeft(await sendToBackground({ type: 'study/leave', erase }))),
  };
}
