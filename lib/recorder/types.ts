import type { ScrubbedPage } from '../privacy/scrub-url';
import type { CaptureLevel, PageEventDraft } from '../schema';
import type { DescribeContext } from './describe-target';

/** What every observer needs: where to send drafts, and how to describe things. */
export type RecorderContext = DescribeContext & {
  captureLevel: CaptureLevel;
  emit: (draft: PageEventDraft) => void;
  /** The current page, scrubbed; re-read on every event because SPAs change it. */
  page: () => ScrubbedPage;
  frame: number[];
  now: () => number;
};

/** Each observer starts listening and stops when the signal aborts. */
export type Observer = (context: RecorderContext, signal: AbortSignal) => void;
