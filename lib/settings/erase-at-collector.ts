import { type Enrollment, type ErasureReceipt, erasureReceipt } from '../schema';
import { readApiError } from './read-api-error';

/** Asks the study's collector to erase everything this participant uploaded. */
export async function eraseAtCollector(
  enrollment: Pick<Enrollment, 'study' | 'uploadToken'>,
  fetchImpl: typeof fetch = fetch,
): Promise<ErasureReceipt> {
  const url = new URL('/v1/participants/me', enrollment.study.endpoint);
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${enrollment.uploadToken}` },
    });
  } catch {
    throw new Error(
      `Could not reach the study's collector at ${enrollment.study.endpoint}, so nothing was erased there and nothing was deleted here. Try again when you are online, or choose "Leave study" to stop without erasing.`,
    );
  }
  if (!response.ok) {
    throw new Error(
      `The collector did not erase your data (HTTP ${response.status}: ${await readApiError(response)}). Nothing was deleted here; try again, or write to the researcher.`,
    );
  }
  return erasureReceipt.parse(await response.json());
}
