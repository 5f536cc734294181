import { z } from 'zod';
import {
  deleteSessionOutcome,
  deleteStepsOutcome,
  extensionState,
  joinOutcome,
  leaveOutcome,
  localExport,
  optionsState,
  pendingStudy,
  reviewList,
  reviewSessionDetail,
  studyCheck,
  studyManifest,
  taskSpan,
  uploadPreview,
} from '../schema';
import type { PageMessage } from './protocol';

/**
 * What the background answers each page request with: one table from request to answer,
 * like `@webext-core/messaging`'s protocol map. The background's handlers must return
 * exactly these (lib/background/page-handlers.ts says so with `satisfies`), pages read
 * the answer's type off it (send-to-background.ts), and test builds check each answer
 * against its schema before it leaves the background.
 */
export const pageResponses = {
  'study/preview': studyManifest,
  'study/join': joinOutcome,
  'study/check': studyCheck,
  'study/pending': pendingStudy.nullable(),
  'study/consent-again': z.array(z.string()),
  'study/rejoin': extensionState,
  'study/leave': leaveOutcome,
  'state/get': extensionState,
  'state/set-paused': extensionState,
  'task/start': extensionState,
  'task/end': extensionState,
  'upload/now': extensionState,
  'upload/session': extensionState,
  'options/get': optionsState,
  'local/start': optionsState,
  'local/add-site': optionsState,
  'local/remove-site': optionsState,
  'local/export': localExport,
  'settings/auto-pause': optionsState,
  'review/sessions': reviewList,
  'review/session': reviewSessionDetail,
  'review/delete-steps': deleteStepsOutcome,
  'review/delete-session': deleteSessionOutcome,
  'review/set-tasks': z.array(taskSpan),
  'review/preview-upload': uploadPreview,
} satisfies { [K in PageMessage['type']]: z.ZodType };

export type PageResponses = {
  [K in PageMessage['type']]: z.infer<(typeof pageResponses)[K]>;
};
