import { useEffect, useRef } from 'preact/hooks';

type Props = { open: boolean; onClose: () => void };

const SHORTCUTS: [string[], string][] = [
  [['j', '↓'], 'Next step'],
  [['k', '↑'], 'Previous step'],
  [['Home', 'End'], 'First or last step (in the timeline)'],
  [['s'], 'A task starts at the selected step'],
  [['e'], 'The task started last, at or before the selected step, ends there'],
  [['?'], 'Show or hide this list'],
];

/** The annotation page's keyboard shortcuts, in a modal dialog. */
export function ShortcutHelp({ open, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal?.();
    if (!open && element.open) element.close?.();
  }, [open]);
  return (
    <dialog ref={dialog} class="shortcuts" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl class="facts">
        {SHORTCUTS.map(([keys, what]) => (
          <div class="shortcut-row" key={what}>
            <dt>
              {keys.map((key, i) => (
                <span key={key}>
                  {i > 0 && ' or '}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p class="muted small">
        Shortcuts work when the focus is not in a text field. Every control is also reachable with
        Tab.
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
