import { gzipSync } from 'node:zlib';
import { type EnrollmentResponse, enrollmentResponse, type StudyFile } from '../../../lib/schema';

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

/** Uploads a body (any JSON value, or raw text) gzipped unless told otherwise. */
export function upload(
  baseUrl: string,
  token: string | undefined,
  body: unknown,
  options: { gzip?: boolean } = {},
): Promise<Response> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const gzip = options.gzip ?? true;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  if (gzip) headers['Content-Encoding'] = 'gzip';
  return fetch(`${baseUrl}/v1/uploads`, {
    method: 'POST',
    headers,
    body: gzip ? gzipSync(text) : text,
  });
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
