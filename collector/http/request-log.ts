import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { errorFields, type LogFields, type Logger, type LogLevel } from '../common/log';
import { ApiFailure } from './api-failure';

/**
 * One line per request: id, method, route pattern, status, duration, error code. The
 * route is the pattern (`/v1/sessions/:id`), never the path as sent, and nothing of the
 * query, headers or body is logged: those may hold tokens, ids or event content. The id
 * goes back as X-Request-Id, so a person reporting a failure can quote it.
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    await next();
    c.header('X-Request-Id', requestId);
    const status = c.res.status;
    const level: LogLevel = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    logger(level, 'request', {
      requestId,
      method: c.req.method,
      route: routePattern(c),
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...describeError(c.error, status),
    });
  };
}

/** The pattern of the route that answered; `(none)` when no route matched (a 404). */
function routePattern(c: Context): string {
  const route = matchedRoutes(c)[c.req.routeIndex];
  // Middleware (`app.use`) matches every path; only a method's route names the endpoint.
  return route && route.method !== 'ALL' ? route.path : '(none)';
}

/** The error code the client got; for an unexpected error, what errorFields allows. */
function describeError(error: Error | undefined, status: number): LogFields {
  if (error instanceof ApiFailure) return { error: error.code };
  if (error) return { error: 'internal', ...errorFields(error) };
  return status === 404 ? { error: 'not_found' } : {};
}
