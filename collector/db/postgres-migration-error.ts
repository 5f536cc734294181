import { ConfigError } from '../common/config-error';
import type { PostgresTarget } from './postgres-target';

/**
 * Migrations create tables, which PostgreSQL 15 and later let only the database's owner
 * (or a user granted CREATE) do in schema public. Said plainly, with the two fixes.
 */
export function postgresMigrationError(error: unknown, target: PostgresTarget): unknown {
  if ((error as { code?: unknown } | null)?.code !== '42501') return error;
  const { user, database } = target;
  return new ConfigError(
    `PostgreSQL user ${user} may not create the collector's tables in database ${database} (${(error as Error).message}). Make ${user} the database's owner (ALTER DATABASE ${database} OWNER TO ${user}), or let it create in schema public (GRANT CREATE ON SCHEMA public TO ${user}, run in that database).`,
  );
}
