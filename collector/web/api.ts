/** A failed call to the collector, with a message written for the person using the page. */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Whatever else the collector answered (e.g. `currentVersion` on a 409). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const TOKEN_REFUSED =
  'The collector did not accept this access token. Check it and enter it again.';

/** Fetches `path` on this collector with the token as a bearer; throws ApiError when not ok. */
export async function request(
  path: string,
  token: string,
  init: { method?: string; body?: unknown } = {},
): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network', 'The collector could not be reached. Is it still running?');
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** GETs (or sends) JSON and returns the parsed answer. */
export async function requestJson<T>(
  path: string,
  token: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await request(path, token, init);
  return (await response.json()) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's error page): the status alone has to do.
  }
  const code = typeof body.error === 'string' ? body.error : `http_${response.status}`;
  // A revoked token says when, and whom to ask; any other refusal reads the same.
  if (response.status === 401 && code !== 'revoked_token') {
    return new ApiError(401, code, TOKEN_REFUSED, body);
  }
  const issues = Array.isArray(body.issues) ? ` (${body.issues.join('; ')})` : '';
  const message =
    typeof body.message === 'string'
      ? `${body.message}${issues}`
      : `The collector answered ${response.status} ${response.statusText}.`;
  return new ApiError(response.status, code, message, body);
}
