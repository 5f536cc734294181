import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { ApiFailure } from './api-failure';

/** Only the extension calls the API from a browser; web pages get no CORS access at all. */
export function isExtensionOrigin(origin: string): boolean {
  return origin.startsWith('chrome-extension://') || origin.startsWith('moz-extension://');
}

const allowExtension = cors({
  origin: (origin) => (isExtensionOrigin(origin) ? origin : null),
  allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
  allowHeaders: ['Authorization', 'Content-Type', 'Content-Encoding', 'Idempotency-Key'],
  // The upload queue backs off by Retry-After on 429, 503 and an Idempotency-Key in use.
  exposeHeaders: ['Retry-After', 'Idempotent-Replayed', 'X-Request-Id'],
  maxAge: 600,
});

/**
 * Hono's `cors` still answers preflights from other origins with allow-methods and
 * allow-headers; here other origins get no CORS header at all, and a preflight from one
 * is refused outright (403), so the browser stops there and the reason is plain. The
 * collector's own pages are same-origin: browsers send them no preflight.
 */
export function extensionCors(): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin && isExtensionOrigin(origin)) return allowExtension(c, next);
    c.header('Vary', 'Origin', { append: true });
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      throw new ApiFailure(
        403,
        'origin_not_allowed',
        `Only the tasktrace browser extension may call this API from a browser; web pages such as ${JSON.stringify((origin ?? 'null').slice(0, 100))} get no access. Use the extension, or call the API from a program outside the browser.`,
      );
    }
    await next();
  };
}
