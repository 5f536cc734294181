import { type Enrollment, enrollmentResponse, type StudyManifest } from '../schema';

/** Asks the study's collector for a participant id and an upload-only token. */
export async function enroll(
  studyUrl: string,
  study: StudyManifest,
  extensionVersion: string,
  fetchImpl: typeof fetch = fetch,
  now = Date.now(),
): Promise<Enrollment> {
  const url = new URL(`/v1/studies/${encodeURIComponent(study.id)}/enrollments`, study.endpoint);
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ consentVersion: study.consent.version, extensionVersion }),
    });
  } catch {
    throw new Error(`Could not reach the study's collector at ${study.endpoint}. Try again later.`);
  }
  const body = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message =
      body && typeof body === 'object' && 'message' in body ? String(body.message) : '';
    throw new Error(`Joining failed (HTTP ${response.status}). ${message}`.trim());
  }
  const parsed = enrollmentResponse.parse(body);
  return {
    studyUrl,
    study: parsed.study,
    participantId: parsed.participantId,
    uploadToken: parsed.uploadToken,
    consentVersion: parsed.study.consent.version,
    enrolledAt: now,
  };
}
