import type { ExtensionState } from '../lib/schema';
import { UploadBlocked } from './UploadBlocked';

type Props = { upload: ExtensionState['upload']; busy: boolean; onRejoin: () => void };

/** Why uploads wait, in words, and the way out when the collector refused the token. */
export function UploadStatus({ upload, busy, onRejoin }: Props) {
  return (
    <section aria-label="Uploads" class="uploads">
      {upload.blocked && <UploadBlocked blocked={upload.blocked} busy={busy} onRejoin={onRejoin} />}
      {upload.retryAt !== null && (
        <p class="muted" role="status">
          Retrying at {new Date(upload.retryAt).toLocaleTimeString()}
          {upload.lastError ? ` — ${upload.lastError}` : ''}
        </p>
      )}
    </section>
  );
}
