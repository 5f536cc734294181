import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApp } from '../../../collector/app';
import { DEFAULT_IP_RATE_LIMIT, DEFAULT_TOKEN_RATE_LIMIT } from '../../../collector/common/limits';
import { createSqlStore } from '../../../collector/db/create-sql-store';
import { runMigrations } from '../../../collector/db/run-migrations';
import type { SqlClient } from '../../../collector/db/sql-client';
import type { Store } from '../../../collector/db/store';
import type { RateLimits } from '../../../collector/http/rate-limit';
import { type StudyFile, studyFile as studyFileSchema } from '../../../lib/schema';
import { openTestDatabase } from './test-database';

export interface FrontOptions {
  rateLimits?: Partial<RateLimits>;
  /** To make a store call fail, as a database outage would. */
  wrapStore?: (store: Store) => Store;
}

export interface AppFront {
  url: string;
  /** Every line this app logged, in order. */
  logLines: string[];
  close(): Promise<void>;
}

export interface LoggedApp extends AppFront {
  researcherToken: string;
  db: SqlClient;
  /** Another app with its own options (rate limits, store) over the same database. */
  front(options: FrontOptions): Promise<AppFront>;
  dispose(): Promise<void>;
}

const researcherToken = 'test-researcher-token-0123456789';

/**
 * The collector app over real HTTP with its log captured and its rate limits chosen, on
 * a fresh database of the backend the test project runs (PGlite or PostgreSQL).
 */
export async function startLoggedApp(
  studies: StudyFile[],
  options: FrontOptions = {},
): Promise<LoggedApp> {
  const database = await openTestDatabase();
  try {
    await runMigrations(database.db);
  } catch (error) {
    await database.dispose();
    throw error;
  }
  const base = { db: database.db, researcherToken };
  const fronts: AppFront[] = [];
  const front = async (frontOptions: FrontOptions) => {
    const served = await serveFront(base, studies, frontOptions);
    fronts.push(served);
    return served;
  };
  const first = await front(options);
  return {
    ...first,
    researcherToken,
    db: database.db,
    front,
    async dispose() {
      await Promise.all(fronts.map((served) => served.close()));
      await database.dispose();
    },
  };
}

async function serveFront(
  base: { db: SqlClient; researcherToken: string },
  studies: StudyFile[],
  options: FrontOptions,
): Promise<AppFront> {
  const logLines: string[] = [];
  const wrapStore = options.wrapStore ?? ((store) => store);
  let url = '';
  const app = createApp({
    store: wrapStore(createSqlStore(base.db)),
    studies: new Map(studies.map((study) => [study.id, studyFileSchema.parse(study)])),
    researcherToken: base.researcherToken,
    publicUrl: () => url,
    log: (line) => logLines.push(line),
    rateLimits: {
      perToken: DEFAULT_TOKEN_RATE_LIMIT,
      perIp: DEFAULT_IP_RATE_LIMIT,
      trustProxy: false,
      ...options.rateLimits,
    },
  });
  const server = createServer(getRequestListener(app.fetch));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    logLines,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      return closing;
    },
  };
}
