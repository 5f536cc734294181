import { useEffect, useRef } from 'preact/hooks';
import { plural } from '../lib/trace/format';

/** A deletion waiting for the volunteer's yes. */
export type ConfirmRequest = {
  title: string;
  message: string;
  /** How many of the steps the collector already has. */
  alreadyUploaded: number;
  /** An extra sentence, such as "recording goes on in a new session". */
  note?: string;
  confirmLabel?: string;
  onConfirm: () => void;
};

type Props = {
  request: ConfirmRequest | null;
  onDone: () => void;
  onOpenOptions: () => void;
};

/**
 * The browser's own modal dialog: Escape or Cancel closes it, focus starts on Cancel
 * and goes back where it was, and nothing is deleted until "Delete" is pressed.
 */
export function ReviewConfirm({ request, onDone, onOpenOptions }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!request || !element || element.open) return;
    element.showModal();
    // The safe choice has focus first: Enter or Escape right away deletes nothing.
    cancel.current?.focus();
  }, [request]);
  if (!request) return null;
  const close = () => dialog.current?.close();
  return (
    <dialog
      ref={dialog}
      class="review-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-message"
      onClose={onDone}
      // Escape closes it even where the browser holds back its own cancel (Firefox's close
      // watchers can, for a dialog opened without a fresh user activation).
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        close();
      }}
    >
      <h2 id="confirm-title">{request.title}</h2>
      <p id="confirm-message">{request.message} This cannot be undone.</p>
      {request.note && <p>{request.note}</p>}
      {request.alreadyUploaded > 0 && (
        <div class="warning">
          <p>
            <strong>
              {request.alreadyUploaded === 1
                ? 'One of these steps is'
                : `${plural(request.alreadyUploaded, 'step')} of these are`}{' '}
              already at the collector.
            </strong>{' '}
            Deleting here removes them from this computer only; the collector keeps its copy. To
            have the collector erase everything you uploaded, use <em>Leave and erase my data</em>{' '}
            in Options.
          </p>
          <button type="button" class="rv-link-button" onClick={onOpenOptions}>
            Open Options
          </button>
        </div>
      )}
      <div class="actions">
        <button type="button" ref={cancel} onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => {
            request.onConfirm();
            close();
          }}
        >
          {request.confirmLabel ?? 'Delete'}
        </button>
      </div>
    </dialog>
  );
}
