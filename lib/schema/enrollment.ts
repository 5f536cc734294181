import { z } from 'zod';
import { participantId } from './api';
import { timestamp } from './primitives';
import { studyManifest } from './study';

/** What the extension keeps after joining a study. Only the background reads it. */
export const enrollment = z.strictObject({
  studyUrl: z.url(),
  study: studyManifest,
  participantId,
  uploadToken: z.string(),
  consentVersion: z.string(),
  enrolledAt: timestamp,
});
export type Enrollment = z.infer<typeof enrollment>;
