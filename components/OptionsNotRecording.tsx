import { useState } from 'preact/hooks';

type Props = {
  busy: boolean;
  onJoin: () => void;
  onStartLocal: (captureLevel: 'structure' | 'labels') => void;
};

/** Not recording yet: join a study, or record for yourself at a chosen level. */
export function OptionsNotRecording({ busy, onJoin, onStartLocal }: Props) {
  const [level, setLevel] = useState<'structure' | 'labels'>('structure');
  return (
    <>
      <section class="card" aria-labelledby="none-title">
        <h2 id="none-title">You are not recording</h2>
        <p>Join a research study with the link a researcher gave you.</p>
        <button type="button" class="primary" onClick={onJoin}>
          Join a study
        </button>
      </section>
      <section class="card" aria-labelledby="self-title">
        <h2 id="self-title">Record for yourself</h2>
        <p>
          No study and no upload: you choose the sites, the recording stays on this computer, and
          you can export it as a JSONL file.
        </p>
        <fieldset>
          <legend>What to record</legend>
          <label class="choice">
            <input
              type="radio"
              name="level"
              checked={level === 'structure'}
              onChange={() => setLevel('structure')}
            />
            Structure only: what you click and edit, by type and position
          </label>
          <label class="choice">
            <input
              type="radio"
              name="level"
              checked={level === 'labels'}
              onChange={() => setLevel('labels')}
            />
            Structure and the visible names of buttons and fields
          </label>
        </fieldset>
        <button type="button" disabled={busy} onClick={() => onStartLocal(level)}>
          Record for myself
        </button>
      </section>
    </>
  );
}
