import type { z } from 'zod';
import {
  type PutTasksRequest,
  type SessionDetail,
  type SessionsPage,
  type SessionsQuery,
  type SessionTasks,
  type StudyList,
  type StudyStats,
  sessionDetail,
  sessionsPage,
  sessionTasks,
  studyList,
  studyStats,
} from '../../lib/schema';

/** A failed call to the collector, with a message written for the person using the page. */
export class CollectorRequestError extends Error {
  override name = 'CollectorRequestError';

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

export const NOT_UNDERSTOOD =
  'The collector answered something this page does not understand. Reload the page; if that does not help, the collector and its pages may be of different versions.';

/** `GET /v1/studies`: the studies this collector runs (any staff token; checks the token). */
export function listStudies(token: string): Promise<StudyList> {
  return requestParsed('/v1/studies', token, studyList);
}

/** `GET /v1/stats?study=ID`: a study's figures (researcher token). */
export function readStats(token: string, study: string): Promise<StudyStats> {
  return requestParsed(`/v1/stats?study=${encodeURIComponent(study)}`, token, studyStats);
}

/** `GET /v1/sessions`: one page of a study's sessions. */
export function listSessions(token: string, query: SessionsQuery): Promise<SessionsPage> {
  const params = new URLSearchParams({ study: query.study, limit: String(query.limit) });
  if (query.annotated !== undefined) params.set('annotated', String(query.annotated));
  if (query.after) params.set('after', query.after);
  return requestParsed(`/v1/sessions?${params}`, token, sessionsPage);
}

/** `GET /v1/sessions/:id`: one session's timeline and both task lists. */
export function readSession(token: string, id: string): Promise<SessionDetail> {
  return requestParsed(`/v1/sessions/${encodeURIComponent(id)}`, token, sessionDetail);
}

/** `PUT /v1/sessions/:id/tasks`: the annotator's tasks, saved over `body.version` (409 if not). */
export function saveSessionTasks(
  token: string,
  id: string,
  body: PutTasksRequest,
): Promise<SessionTasks> {
  return requestParsed(`/v1/sessions/${encodeURIComponent(id)}/tasks`, token, sessionTasks, {
    method: 'PUT',
    body,
  });
}

/**
 * Fetches `path` on this collector with the token as a bearer; throws
 * CollectorRequestError when not ok.
 */
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
    throw new CollectorRequestError(
      0,
      'network',
      'The collector could not be reached. Is it still running?',
    );
  }
  if (!response.ok) throw await toRequestError(response);
  return response;
}

/**
 * GETs (or sends) JSON and reads the answer with the route's schema: an answer of another
 * shape fails here, with a message for the person using the page, not deep in a page.
 */
async function requestParsed<T>(
  path: string,
  token: string,
  schema: z.ZodType<T>,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await request(path, token, init);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw notUnderstood(response, 'not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw notUnderstood(
      response,
      issue ? `${issue.path.join('.') || 'answer'}: ${issue.message}` : '',
    );
  }
  return parsed.data;
}

function notUnderstood(response: Response, detail: string): CollectorRequestError {
  return new CollectorRequestError(
    response.status,
    'unexpected_answer',
    detail ? `${NOT_UNDERSTOOD} (${detail})` : NOT_UNDERSTOOD,
  );
}

async function toRequestError(response: Response): Promise<CollectorRequestError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's error page): the status alone has to do.
  }
  const code = typeof body.error === 'string' ? body.error : `http_${response.status}`;
  // A revoked token says when, and whom to ask; any other refusal reads the same.
  if (response.status === 401 && code !== 'revoked_token') {
    return new CollectorRequestError(401, code, TOKEN_REFUSED, body);
  }
  const issues = Array.isArray(body.issues) ? ` (${body.issues.join('; ')})` : '';
  const message =
    typeof body.message === 'string'
      ? `${body.message}${issues}`
      : `The collector answered ${response.status} ${response.statusText}.`;
  return new CollectorRequestError(response.status, code, message, body);
}
