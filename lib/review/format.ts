import type { ExtensionState, RecordingMode } from '../messaging/protocol';
import type { ReviewSessionSummary } from './review-types';

export function capitalise(text: string): string {
  return `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
}

/** "1 step", "3 steps". */
export function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}

/** Time since the session began, as a step's offset: `+0:42`, `+12:05`, `+1:02:09`. */
export function formatOffset(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `+${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `+${minutes}:${seconds}`;
}

/** How long a session lasted: `40 s`, `12 min`, `1 h 5 min`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 1) return 'under 1 s';
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** When a session started, as people say it: "Tue 2 Dec, 14:03". */
export function formatWhen(t: number): string {
  return new Date(t).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export type UploadRow = ExtensionState['upload']['sessions'][number];

/** What the volunteer reads about a session's upload, and how it should look. */
export type UploadState = {
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
): UploadState {
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
