import { useEffect, useRef } from 'preact/hooks';

export type ShortcutHandlers = Partial<Record<string, () => void>>;

/** Where a key press belongs to the control itself: typing, choosing, selecting. */
function isFormField(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return (
    target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !==
    null
  );
}

/**
 * Single-key shortcuts for the whole page (by `event.key`), ignored while the focus is in a
 * form field, with a modifier held, or when a control already handled the key.
 */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isFormField(event.target)) return;
      const handler = latest.current[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
