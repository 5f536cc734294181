import type { ExtensionState } from '../lib/schema';
import { UploadBlocked } from './UploadBlocked';

type Props = { upload: ExtensionState['upload']; busy: boolean; onRejoin: () => void };

/** Why uploads wait or stopped, in words, with the one thing the volunteer can do. */
export function ReviewUploadQueue({ upload, busy, onRejoin }: Props) {
  if (upload.blocked) {
    return <UploadBlocked blocked={upload.blocked} busy={busy} onRejoin={onRejoin} />;
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
