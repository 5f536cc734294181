import { ConfigError } from '../common/config-error';
import { describeTarget, type PostgresTarget } from './postgres-target';

/**
 * Why the collector could not reach PostgreSQL, and what the operator can do about it,
 * in one readable message that names the server but never the password.
 */
export function postgresConnectError(error: unknown, target: PostgresTarget): ConfigError {
  const { reason, fix } = explain(error as { code?: unknown; message?: unknown }, target);
  const where = `PostgreSQL at ${describeTarget(target)} (from DATABASE_URL)`;
  return new ConfigError(`Could not connect to ${where}: ${reason}. ${fix}`);
}

function explain(
  error: { code?: unknown; message?: unknown },
  target: PostgresTarget,
): { reason: string; fix: string } {
  const message = scrub(typeof error.message === 'string' ? error.message : String(error), target);
  switch (error.code) {
    case 'ECONNREFUSED':
      return {
        reason: 'the connection was refused, so nothing listens there',
        fix: `Start PostgreSQL on ${target.host} port ${target.port}, or correct the host and port in DATABASE_URL.`,
      };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return {
        reason: `the host name ${target.host} is unknown`,
        fix: 'Correct the host in DATABASE_URL.',
      };
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return {
        reason: 'the host did not answer',
        fix: `Check that ${target.host} is up and that port ${target.port} is open to this machine.`,
      };
    case '28P01':
      return {
        reason: `the server refused the password of user ${target.user}`,
        fix: 'Correct the user and password in DATABASE_URL.',
      };
    case '28000':
      return {
        reason: `the server does not let user ${target.user} connect from here`,
        fix: 'Allow this user and address in pg_hba.conf, or use another user in DATABASE_URL.',
      };
    case '3D000':
      return {
        reason: `there is no database ${target.database}`,
        fix: `Create it (createdb -h ${target.host} -p ${target.port} -U ${target.user} ${target.database}) or correct the database name in DATABASE_URL.`,
      };
    case '53300':
      return {
        reason: 'the server has no connection left',
        fix: 'Raise max_connections, or run fewer collectors against it.',
      };
  }
  if (/timeout/i.test(message)) {
    return {
      reason: 'the server did not answer in time',
      fix: `Check that ${target.host} is up and that port ${target.port} is open to this machine.`,
    };
  }
  if (/ssl/i.test(message)) {
    return {
      reason: message,
      fix: 'Set sslmode in DATABASE_URL to what the server offers (such as ?sslmode=require).',
    };
  }
  return { reason: message, fix: 'Check DATABASE_URL and that the server is running.' };
}

/** Driver messages do not quote the password; should one ever do, it is cut out here. */
function scrub(text: string, target: PostgresTarget): string {
  return target.password ? text.split(target.password).join('***') : text;
}
