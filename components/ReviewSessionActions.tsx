import type { ExtensionState, ReviewSessionDetail } from '../lib/schema';
import { ReviewUploadQueue } from './ReviewUploadQueue';
import type { UploadDisplay } from './upload-state';

type Props = {
  detail: ReviewSessionDetail;
  state: UploadDisplay;
  upload: ExtensionState['upload'] | null;
  busy: boolean;
  /** The upload preview is open, so there is no need to offer it. */
  previewOpen: boolean;
  onUpload: () => void;
  onShowPreview: () => void;
  onExport: () => void;
  onDeleteSession: () => void;
  onRejoin: () => void;
};

/** What can be done with the whole session: upload it, see the upload, export or delete it. */
export function ReviewSessionActions(props: Props) {
  const { detail, state, upload, busy } = props;
  const canUpload = detail.mode === 'study' && detail.session.uploadable;
  const uploadRunning = state.tone === 'busy';
  return (
    <>
      {uploadRunning && (
        <p class="review-wait">
          You can close this page while the session uploads: it goes on by itself.
        </p>
      )}
      {canUpload && upload && (
        <ReviewUploadQueue upload={upload} busy={busy} onRejoin={props.onRejoin} />
      )}
      <div class="actions start review-actions">
        {canUpload && (
          <button
            type="button"
            class="primary"
            disabled={busy || state.pending === 0 || uploadRunning}
            onClick={props.onUpload}
          >
            Upload session
          </button>
        )}
        {canUpload && !props.previewOpen && (
          <button type="button" disabled={busy} onClick={props.onShowPreview}>
            Show exactly what will be uploaded
          </button>
        )}
        {detail.mode === 'local' && (
          <button type="button" disabled={busy} onClick={props.onExport}>
            Export as JSONL
          </button>
        )}
        <button type="button" class="danger" disabled={busy} onClick={props.onDeleteSession}>
          Delete session
        </button>
      </div>
      {detail.mode === 'local' && (
        <p class="review-lead">Recording for yourself: nothing is uploaded.</p>
      )}
    </>
  );
}
