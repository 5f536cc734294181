import { useState } from 'preact/hooks';

/**
 * Runs a page's request with one busy flag and one readable error, so every button
 * disables while its work runs and every failure is shown in words.
 */
export function useAction() {
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
  return { busy, error, setError, run };
}
