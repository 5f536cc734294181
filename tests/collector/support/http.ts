import { createHash, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  type EnrollmentResponse,
  enrollmentResponse,
  type StudyFile,
  type UploadBatch,
} from '../../../lib/schema';

/** Joins a study over HTTP, as the extension does after the volunteer agrees. */
export async function enroll(baseUrl: string, study: StudyFile): Promise<EnrollmentResponse> {
  const response = await fetch(`${baseUrl}/v1/studies/${study.id}/enrollments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ consentVersion: study.consent.version, extensionVersion: '0.1.0' }),
  });
  if (response.status !== 201) throw new Error(`enrollment failed: ${await response.text()}`);
  return enrollmentResponse.parse(await response.json());
}

/**
 * Uploads a body (any JSON value, or raw text) gzipped unless told otherwise. Each call
 * sends a fresh random Idempotency-Key unless given one (`null` sends none), so a repeat
 * is a new request and only the (session, seq) guard keeps it from storing twice.
 */
export function upload(
  baseUrl: string,
  token: string | undefined,
  body: unknown,
  options: { gzip?: boolean; idempotencyKey?: string | null } = {},
): Promise<Response> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const gzip = options.gzip ?? true;
  const key = options.idempotencyKey === undefined ? randomUUID() : options.idempotencyKey;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  if (key !== null) headers['Idempotency-Key'] = key;
  if (gzip) headers['Content-Encoding'] = 'gzip';
  return fetch(`${baseUrl}/v1/uploads`, {
    method: 'POST',
    headers,
    body: gzip ? gzipSync(text) : text,
  });
}

/** The key the extension sends for a batch: `<session>:<first seq>-<last seq>:<body hash>`. */
export function batchKey(batch: UploadBatch): string {
  const seqs = batch.events.map((event) => event.seq);
  const hash = createHash('sha256').update(JSON.stringify(batch)).digest('hex').slice(0, 16);
  return `${batch.session.id}:${Math.min(...seqs)}-${Math.max(...seqs)}:${hash}`;
}

/** Every line of an events export, parsed. */
export async function exportEvents(
  baseUrl: string,
  researcherToken: string,
  study: string,
): Promise<unknown[]> {
  const response = await fetch(`${baseUrl}/v1/export?study=${study}&format=events`, {
    headers: { Authorization: `Bearer ${researcherToken}` },
  });
  if (response.status !== 200) throw new Error(`export failed: ${await response.text()}`);
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as unknown);
}

/** Agrees to a consent version for the participant the token names. */
export function consent(
  baseUrl: string,
  token: string | undefined,
  body: unknown,
): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  return fetch(`${baseUrl}/v1/participants/me/consents`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
