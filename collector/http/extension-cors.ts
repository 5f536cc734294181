import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/** Only the extension calls the API from a browser; web pages get no CORS access at all. */
export function isExtensionOrigin(origin: string): boolean {
  return origin.startsWith('chrome-extension://') || origin.startsWith('moz-extension://');
}

const allowExtension = cors({
  origin: (origin) => (isExtensionOrigin(origin) ? origin : null),
  allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
  allowHeaders: ['Authorization', 'Content-Type', 'Content-Encoding', 'Idempotency-Key'],
  // The upload queue backs off by Retry-After on 429, 503 and an Idempotency-Key in use.
  exposeHeaders: ['Retry-After', 'Idempotent-Replayed'],
  maxAge: 600,
});

/**
 * Hono's `cors` still answers preflights from other origins with allow-methods and
 * allow-headers; this sends those origins on without any CORS header instead.
 */
export function extensionCors(): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin && isExtensionOrigin(origin)) return allowExtension(c, next);
    await next();
    c.header('Vary', 'Origin', { append: true });
  };
}
