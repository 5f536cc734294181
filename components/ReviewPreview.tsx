import { useMemo } from 'preact/hooks';
import type { UploadPreview } from '../lib/schema';
import { plural } from '../lib/trace/format';

type Props = {
  preview: UploadPreview;
  copied: boolean;
  onCopy: (json: string) => void;
  onClose: () => void;
};

/** The exact JSON an upload of the session sends, batch by batch, ready to copy. */
export function ReviewPreview({ preview, copied, onCopy, onClose }: Props) {
  const json = useMemo(() => JSON.stringify(preview.batches, null, 2), [preview]);
  return (
    <section class="card review-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Exactly what will be uploaded</h2>
      {preview.events === 0 ? (
        <p>Nothing in this session is waiting to upload.</p>
      ) : (
        <p>
          {plural(preview.events, 'step')} in {preview.batches.length}{' '}
          {preview.batches.length === 1 ? 'batch' : 'batches'}, each sent compressed to{' '}
          <code>{preview.endpoint}</code> with your upload token. This is all that leaves your
          computer: task goals and boundaries you set on this page stay here.
        </p>
      )}
      <div class="actions start">
        {preview.events > 0 && (
          <button type="button" class="primary" onClick={() => onCopy(json)}>
            Copy JSON
          </button>
        )}
        <button type="button" onClick={onClose}>
          Hide upload preview
        </button>
        <span class="rv-copy-status" role="status">
          {copied ? 'Copied to the clipboard.' : ''}
        </span>
      </div>
      {preview.events > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard
        <section class="review-json" aria-label="Upload JSON" tabIndex={0}>
          <pre data-testid="upload-json">{json}</pre>
        </section>
      )}
    </section>
  );
}
