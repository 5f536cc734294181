import type { ExtensionState } from '../lib/schema';

type Props = { upload: ExtensionState['upload']; busy: boolean; onRejoin: () => void };

/** Why uploads wait or stopped, in words, with the one thing the volunteer can do. */
export function ReviewUploadQueue({ upload, busy, onRejoin }: Props) {
  if (upload.blocked) {
    return (
      <div class="warning" role="alert">
        <p>{upload.blocked}</p>
        <button type="button" class="primary" disabled={busy} onClick={onRejoin}>
          Rejoin the study
        </button>
      </div>
    );
  }
  if (upload.retryAt === null) return null;
  return (
    <p class="review-wait" role="status">
      Uploads wait until {new Date(upload.retryAt).toLocaleTimeString()} and then go on by
      themselves
      {upload.lastError ? `: ${upload.lastError}` : '.'}
    </p>
  );
}
