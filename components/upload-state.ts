import type { ExtensionState, RecordingMode, ReviewSessionSummary } from '../lib/schema';
import { plural } from '../lib/trace/format';

export type UploadRow = ExtensionState['upload']['sessions'][number];

/** What the volunteer reads about a session's upload, and how it should look. */
export type UploadDisplay = {
  text: string;
  tone: 'ok' | 'busy' | 'error' | 'idle';
  /** Progress to show while queued or uploading. */
  percent: number | null;
  /** Why it failed, or what stays behind. */
  detail: string | null;
  /** Steps not yet at the collector (and not kept back as too large). */
  pending: number;
};

/**
 * A session's upload state from its summary and, fresher while uploading, the queue's
 * row for it: not uploaded, queued, uploading n%, uploaded, or failed with the reason.
 */
export function uploadState(
  session: Pick<ReviewSessionSummary, 'eventCount' | 'uploadedCount' | 'uploadable' | 'job'>,
  row: UploadRow | undefined,
  mode: RecordingMode,
): UploadDisplay {
  const quarantined = session.job?.quarantined ?? 0;
  const total = row?.total ?? Math.max(0, session.eventCount - quarantined);
  const sent = row?.sent ?? Math.min(session.uploadedCount, total);
  const pending = Math.max(0, total - sent);
  if (!session.uploadable || mode !== 'study') {
    return {
      text: 'Only on this computer',
      tone: 'idle',
      percent: null,
      detail: mode === 'local' ? 'Recording for yourself: nothing is uploaded.' : null,
      pending: 0,
    };
  }
  const status = row?.status ?? session.job?.status;
  const error = row?.error ?? session.job?.error ?? null;
  const percent = total === 0 ? 100 : Math.floor((sent / total) * 100);
  switch (status) {
    case 'failed':
      return { text: 'Upload failed', tone: 'error', percent: null, detail: error, pending };
    case 'uploading':
      return {
        text: `Uploading ${percent}%`,
        tone: 'busy',
        percent,
        detail: `${sent} of ${plural(total, 'step')} sent`,
        pending,
      };
    case 'queued':
      return {
        text: sent > 0 ? `Queued, ${percent}% sent` : 'Queued',
        tone: 'busy',
        percent,
        detail: error,
        pending,
      };
  }
  if (pending === 0) {
    return sent === 0
      ? { text: 'No steps', tone: 'idle', percent: null, detail: error, pending }
      : { text: 'Uploaded', tone: 'ok', percent: null, detail: error, pending };
  }
  return {
    text: sent > 0 ? `${plural(pending, 'new step')} not uploaded` : 'Not uploaded',
    tone: 'idle',
    percent: null,
    detail: sent > 0 ? `${sent} already uploaded` : null,
    pending,
  };
}
