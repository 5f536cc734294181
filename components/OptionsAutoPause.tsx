type Props = {
  autoPauseMinutes: number;
  busy: boolean;
  onAutoPause: (minutes: number) => void;
};

const AUTO_PAUSE = [0, 5, 10, 15, 30, 60];

/** How long the volunteer may be away before recording pauses by itself. */
export function OptionsAutoPause({ autoPauseMinutes, busy, onAutoPause }: Props) {
  return (
    <section class="card" aria-labelledby="pause-title">
      <h2 id="pause-title">Pause automatically</h2>
      <label for="auto-pause">When you are away from the computer</label>
      <select
        id="auto-pause"
        value={String(autoPauseMinutes)}
        disabled={busy}
        onChange={(event) => onAutoPause(Number(event.currentTarget.value))}
      >
        {AUTO_PAUSE.map((minutes) => (
          <option key={minutes} value={String(minutes)}>
            {minutes === 0 ? 'Never' : `Pause after ${minutes} minutes away`}
          </option>
        ))}
      </select>
      <p class="muted">
        Recording stays paused when you come back, until you resume it from the toolbar button or
        with Alt+Shift+P.
      </p>
    </section>
  );
}
