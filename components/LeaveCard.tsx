import { useState } from 'preact/hooks';

type Props = {
  mode: 'study' | 'local';
  sessions: number;
  busy: boolean;
  onLeave: (erase: boolean) => void;
};

/** Leaving takes two clicks, never more: withdrawing must be as easy as joining. */
export function LeaveCard({ mode, sessions, busy, onLeave }: Props) {
  const [confirming, setConfirming] = useState<null | 'leave' | 'erase'>(null);
  const here = `${sessions} ${sessions === 1 ? 'session' : 'sessions'} stored on this computer`;
  if (mode === 'local') {
    return (
      <section class="card" aria-labelledby="leave-title">
        <h2 id="leave-title">Stop recording for yourself</h2>
        <p>
          Stops recording, gives back site access and deletes the {here}. Export first to keep a
          copy.
        </p>
        {confirming ? (
          <Confirm
            busy={busy}
            label="Stop and delete"
            onConfirm={() => onLeave(false)}
            onCancel={() => setConfirming(null)}
          />
        ) : (
          <button type="button" class="danger" onClick={() => setConfirming('leave')}>
            Stop and delete my recordings
          </button>
        )}
      </section>
    );
  }
  return (
    <section class="card" aria-labelledby="leave-title">
      <h2 id="leave-title">Leave the study</h2>
      <p>
        <strong>Leave study</strong> stops recording, gives back site access and deletes the {here}.
        What you already uploaded stays with the researcher.
      </p>
      <p>
        <strong>Leave and erase my data</strong> also asks the study's collector to erase everything
        you uploaded, and shows its receipt.
      </p>
      {confirming ? (
        <>
          <p role="alert">
            {confirming === 'erase'
              ? 'Leave the study and erase everything you uploaded? This cannot be undone.'
              : 'Leave the study? Your uploads stay with the researcher.'}
          </p>
          <Confirm
            busy={busy}
            label={confirming === 'erase' ? 'Erase and leave' : 'Leave'}
            onConfirm={() => onLeave(confirming === 'erase')}
            onCancel={() => setConfirming(null)}
          />
        </>
      ) : (
        <div class="actions start">
          <button type="button" onClick={() => setConfirming('leave')}>
            Leave study
          </button>
          <button type="button" class="danger" onClick={() => setConfirming('erase')}>
            Leave and erase my data
          </button>
        </div>
      )}
    </section>
  );
}

function Confirm(props: {
  busy: boolean;
  label: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div class="actions start">
      <button type="button" class="danger" disabled={props.busy} onClick={props.onConfirm}>
        {props.busy ? 'Working…' : props.label}
      </button>
      <button type="button" disabled={props.busy} onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}
