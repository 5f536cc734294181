import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

type Props = {
  title: string;
  /** Which token this page takes and where to find it. */
  children: ComponentChildren;
  error: string | null;
  busy: boolean;
  onSubmit: (token: string) => void;
};

/** Asks for the collector token; the page keeps it for this tab only. */
export function AccessTokenForm({ title, children, error, busy, onSubmit }: Props) {
  const [token, setToken] = useState('');
  return (
    <form
      class="card"
      aria-labelledby="token-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (token.trim() !== '') onSubmit(token.trim());
      }}
    >
      <h1 id="token-title">{title}</h1>
      {children}
      <label for="access-token">Access token</label>
      <input
        id="access-token"
        type="password"
        autoComplete="off"
        spellcheck={false}
        value={token}
        aria-describedby={error ? 'token-error' : 'token-note'}
        aria-invalid={error ? true : undefined}
        onInput={(event) => setToken(event.currentTarget.value)}
      />
      <p id="token-note" class="muted small">
        Kept in this browser tab only, and sent to this collector alone.
      </p>
      {error && (
        <p id="token-error" class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || token.trim() === ''}>
          {busy ? 'Checking…' : 'Continue'}
        </button>
      </div>
    </form>
  );
}
