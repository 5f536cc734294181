type Props = {
  link: string;
  busy: boolean;
  error: string | null;
  onLinkChange: (link: string) => void;
  onSubmit: () => void;
};

export function JoinForm({ link, busy, error, onLinkChange, onSubmit }: Props) {
  return (
    <form
      class="card"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h1>Join a study</h1>
      <p>
        Paste the study link the researcher gave you. You will see exactly what the study records
        before anything starts.
      </p>
      <label for="study-link">Study link</label>
      <input
        id="study-link"
        type="url"
        required
        placeholder="https://collector.example/v1/studies/…"
        value={link}
        onInput={(event) => onLinkChange(event.currentTarget.value)}
        disabled={busy}
        aria-describedby={error ? 'join-error' : undefined}
      />
      {error && (
        <p id="join-error" class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy || link.trim() === ''}>
        {busy ? 'Loading study…' : 'Join study'}
      </button>
    </form>
  );
}
