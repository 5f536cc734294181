import type { ReviewSessionDetail } from '../lib/schema';
import { formatDuration, plural } from '../lib/trace/format';
import { ReviewUploadState } from './ReviewUploadState';
import type { UploadDisplay } from './upload-state';

type Props = { detail: ReviewSessionDetail; state: UploadDisplay };

/** A session at a glance: how long, how many steps and tasks, and its upload. */
export function ReviewSessionFacts({ detail, state }: Props) {
  const { session, tasks } = detail;
  return (
    <dl class="facts review-facts">
      <dt>Duration</dt>
      <dd>
        {formatDuration(session.lastEventAt - session.startedAt)}, until{' '}
        {new Date(session.lastEventAt).toLocaleTimeString([], {
          hour: '2-digit',
          minute: '2-digit',
        })}
      </dd>
      <dt>Steps</dt>
      <dd data-testid="step-count">
        {plural(session.eventCount, 'step')}
        {session.uploadedCount > 0 && detail.mode === 'study'
          ? `, ${session.uploadedCount} already at the collector`
          : ''}
      </dd>
      <dt>Tasks</dt>
      <dd>
        {tasks.length === 0
          ? 'none marked'
          : `${tasks.length}, ${detail.tasksEdited ? 'as you set them here' : 'from your Start task and End task markers'}`}
      </dd>
      <dt>Upload</dt>
      <dd data-testid="upload-state" aria-live="polite">
        <ReviewUploadState state={state} />
      </dd>
    </dl>
  );
}
