import { z } from 'zod';

export const sessionId = z.uuid();
export const timestamp = z
  .number()
  .int()
  .nonnegative()
  .describe('Milliseconds since the Unix epoch');
export const seq = z.number().int().nonnegative().describe('Per-session sequence number');

/** `scheme://host[:port]`, nothing after it. */
export const origin = z
  .string()
  .max(300)
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9a-f:.]+\](:\d{1,5})?$/i, {
    message: 'must be an origin (scheme://host[:port]) with no path, query or fragment',
  });

/**
 * A scrubbed path: starts with `/`, never a query (`?`) or fragment (`#`), and
 * segments that carried identifiers already replaced by `:id`, `:uuid`, `:token`, `:email`.
 */
export const pathTemplate = z
  .string()
  .max(1024)
  .regex(/^\/[^?#\s]*$/, { message: 'must be a path without query or fragment' });

export const queryKey = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);

export const page = z
  .strictObject({
    origin,
    path: pathTemplate,
    /** Query keys the study asked to keep; never their values. */
    queryKeys: z.array(queryKey).max(32).optional(),
  })
  .describe('Where the event happened: origin and scrubbed path only');

/** Indexes from the top frame down to the recording frame; empty for the top frame. */
export const framePath = z.array(z.number().int().nonnegative()).max(16);

export const box = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  w: z.number().int().nonnegative(),
  h: z.number().int().nonnegative(),
});

export const viewport = z.strictObject({
  w: z.number().int().nonnegative(),
  h: z.number().int().nonnegative(),
});

/** A scroll position in CSS pixels (negative in right-to-left documents scrolled left). */
export const scroll = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
});

/** An http(s) URL with no query or fragment; http only for loopback hosts. */
export const endpointUrl = z
  .url({ protocol: /^https?$/ })
  .refine((value) => !/[?#]/.test(value), { message: 'must not contain a query or fragment' })
  .refine(
    (value) => {
      const url = new URL(value);
      return url.protocol === 'https:' || isLoopbackHost(url.hostname);
    },
    { message: 'must use https: (plain http: is allowed only for 127.0.0.1, localhost or [::1])' },
  );

export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    hostname === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}
