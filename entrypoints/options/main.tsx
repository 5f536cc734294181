import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LeftReceipt } from '../../components/LeftReceipt';
import { OptionsView } from '../../components/OptionsView';
import '../../components/styles.css';
import { useAction } from '../../components/use-action';
import { sendToBackground } from '../../lib/messaging/send-to-background';
import { permissionOrigin } from '../../lib/privacy/match-pattern';
import type { LeaveOutcome, OptionsState } from '../../lib/schema';
import { parseSitePattern } from '../../lib/settings/parse-site-pattern';

function Options() {
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

  if (left) return <LeftReceipt outcome={left} />;
  if (!state) {
    return error ? (
      <p class="error card" role="alert">
        {error}
      </p>
    ) : (
      <p class="muted card">Loading…</p>
    );
  }
  return (
    <OptionsView
      state={state}
      busy={busy}
      error={error}
      notice={notice}
      onJoin={() => location.assign(browser.runtime.getURL('/onboarding.html'))}
      onReviewChanges={() => location.assign(browser.runtime.getURL('/onboarding.html?reconsent'))}
      onStartLocal={(captureLevel) =>
        act(async () => setState(await sendToBackground({ type: 'local/start', captureLevel })))
      }
      onAddSite={(input) => {
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
      }}
      onRemoveSite={(match) =>
        act(async () => {
          setState(await sendToBackground({ type: 'local/remove-site', match }));
          setNotice(
            `${match} is no longer recorded. What was recorded there stays until you delete it.`,
          );
        })
      }
      onExport={() =>
        act(async () => {
          const file = await sendToBackground({ type: 'local/export' });
          const url = URL.createObjectURL(new Blob([file.jsonl], { type: 'application/x-ndjson' }));
          const link = document.createElement('a');
          link.href = url;
          link.download = file.fileName;
          link.click();
          setTimeout(() => URL.revokeObjectURL(url), 60_000);
          setNotice(
            `Exported ${file.lines} ${file.lines === 1 ? 'event' : 'events'} to ${file.fileName}.`,
          );
        })
      }
      onAutoPause={(minutes) =>
        act(async () => setState(await sendToBackground({ type: 'settings/auto-pause', minutes })))
      }
      onLeave={(erase) =>
        act(async () => setLeft(await sendToBackground({ type: 'study/leave', erase })))
      }
    />
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
