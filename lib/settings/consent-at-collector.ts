import { type ConsentReceipt, consentReceipt, type Enrollment } from '../schema';
import { readApiError } from './read-api-error';

/** Tells the collector this participant agreed to a new consent version. */
export async function consentAtCollector(
  enrollment: Pick<Enrollment, 'uploadToken'>,
  endpoint: string,
  consentVersion: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ConsentReceipt> {
  let response: Response;
  try {
    response = await fetchImpl(new URL('/v1/participants/me/consents', endpoint), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${enrollment.uploadToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ consentVersion }),
    });
  } catch {
    throw new Error(
      `Could not reach the study's collector at ${endpoint}. Recording stays stopped; try again when you are online.`,
    );
  }
  if (!response.ok) {
    throw new Error(
      `The collector did not record your consent (HTTP ${response.status}: ${await readApiError(response)}). Recording stays stopped.`,
    );
  }
  return consentReceipt.parse(await response.json());
}
