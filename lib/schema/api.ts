import { z } from 'zod';
import { studyManifest } from './study';

export const participantId = z.string().regex(/^p_[a-z0-9]{16,40}$/);

export const enrollmentRequest = z.strictObject({
  consentVersion: z.string().min(1).max(64),
  extensionVersion: z.string().min(1).max(32),
});
export type EnrollmentRequest = z.infer<typeof enrollmentRequest>;

export const enrollmentResponse = z.strictObject({
  participantId,
  /** Upload-only bearer token; it cannot read anything back. */
  uploadToken: z.string().min(32).max(128),
  study: studyManifest,
});
export type EnrollmentResponse = z.infer<typeof enrollmentResponse>;

/** `POST /v1/participants/me/consents`: the volunteer agreed to the study's changed consent. */
export const consentRequest = z.strictObject({
  consentVersion: z.string().min(1).max(64),
});
export type ConsentRequest = z.infer<typeof consentRequest>;

/** Every consent version the participant has agreed to, oldest first; uploads may use any. */
export const consentReceipt = z.strictObject({
  participant: participantId,
  consentVersions: z.array(z.string()),
});
export type ConsentReceipt = z.infer<typeof consentReceipt>;

export const uploadResponse = z.strictObject({
  accepted: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  /** Names and labels the collector removed: the study's capture level does not allow them. */
  stripped: z.number().int().nonnegative().optional(),
  /** Events the collector did not store: their page is not certainly allowed by the study. */
  dropped: z.number().int().nonnegative().optional(),
});
export type UploadResponse = z.infer<typeof uploadResponse>;

export const apiError = z.strictObject({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.string()).optional(),
  /** On `409 version_conflict`: the version now stored, to reload from. */
  currentVersion: z.number().int().nonnegative().optional(),
});
export type ApiError = z.infer<typeof apiError>;

/** What `DELETE /v1/participants/me` erased: everything that participant uploaded. */
export const erasureReceipt = z.strictObject({
  participant: participantId,
  erasedAt: z.iso.datetime(),
  sessions: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
});
export type ErasureReceipt = z.infer<typeof erasureReceipt>;
