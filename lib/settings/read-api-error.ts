import { apiError } from '../schema';

/** The collector's own explanation of a failure, or the HTTP status text. */
export async function readApiError(response: Response): Promise<string> {
  const parsed = apiError.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data.message : response.statusText || 'no reason given';
}
