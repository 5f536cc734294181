import { endpointUrl } from '../../lib/schema';
import { ConfigError } from './config-error';

/** The URL a listening socket is reachable at; IPv6 hosts need brackets. */
export function listenUrl(host: string, port: number): string {
  const shownHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${shownHost}:${port}`;
}

/** Checks an operator-given public URL and drops a trailing slash so paths join cleanly. */
export function normalizePublicUrl(value: string): string {
  const trimmed = value.replace(/\/+$/, '');
  const result = endpointUrl.safeParse(trimmed);
  if (!result.success) {
    const reasons = result.error.issues.map((issue) => issue.message).join('; ');
    throw new ConfigError(`--public-url ${value} is not usable: ${reasons}.`);
  }
  return trimmed;
}
