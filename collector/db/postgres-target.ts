import { ConfigError } from '../common/config-error';

/** Where a DATABASE_URL points, without its password: safe to print and log. */
export interface PostgresTarget {
  host: string;
  port: string;
  database: string;
  user: string;
  /** Only to scrub it from messages that might quote it; never printed. */
  password: string;
}

const EXAMPLE = 'postgres://USER:PASSWORD@HOST:5432/DATABASE';

/** Reads a postgres:// (or postgresql://) URL; a value that is not one is never echoed. */
export function postgresTarget(url: string): PostgresTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`DATABASE_URL is not a URL: write it as ${EXAMPLE}.`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ConfigError(
      `DATABASE_URL must start with postgres:// (it starts with ${parsed.protocol}//): write it as ${EXAMPLE}.`,
    );
  }
  const user = decodeURIComponent(parsed.username);
  return {
    // No host in the URL: libpq's default, the local socket (or ?host= names one).
    host: parsed.hostname || parsed.searchParams.get('host') || 'localhost',
    port: parsed.port || '5432',
    database: decodeURIComponent(parsed.pathname.slice(1)) || user || '(default)',
    user: user || '(default)',
    password: decodeURIComponent(parsed.password),
  };
}

/** `host:port/database as user`: enough to recognize the server, nothing secret. */
export function describeTarget(target: PostgresTarget): string {
  return `${target.host}:${target.port}/${target.database} as ${target.user}`;
}
