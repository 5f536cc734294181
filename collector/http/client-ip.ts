import { isIP } from 'node:net';
import type { Context } from 'hono';

/**
 * The address a request came from. Behind a reverse proxy every request comes from the
 * proxy, so with `trustProxy` the address is the last one in X-Forwarded-For: the one
 * the proxy itself added. Earlier entries are whatever the client wrote, never trusted.
 * Without `trustProxy` the header is ignored, so a client cannot pick its own address.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded && isIP(forwarded)) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
