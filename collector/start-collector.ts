import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app';
import { jsonLogger } from './common/log';
import { listenUrl, normalizePublicUrl } from './common/public-url';
import {
  RESEARCHER_TOKEN_ENV,
  type ResearcherToken,
  resolveResearcherToken,
} from './common/researcher-token';
import { createSqlStore } from './db/create-sql-store';
import { openDatabase } from './db/open-database';
import {
  describeRateLimits,
  type RateLimitOptions,
  resolveRateLimits,
} from './http/rate-limit-config';
import { loadStudies } from './studies/load-studies';
import { toManifest } from './studies/to-manifest';
import { scheduleRetention, sweepRetention } from './sweep-retention';

export interface StartCollectorOptions {
  /** 0 picks a free port. */
  port: number;
  /** Defaults to 127.0.0.1: the collector is reachable from this machine only unless asked. */
  host?: string;
  dataDir: string;
  /**
   * PostgreSQL to use (main.ts passes DATABASE_URL); without it, embedded PGlite in
   * dataDir. The researcher token file stays in dataDir either way.
   */
  databaseUrl?: string | undefined;
  studiesDir: string;
  researcherToken?: string;
  /** Where extensions reach the collector, if not at http://<host>:<port> (a proxy, https). */
  publicUrl?: string;
  log?: (line: string) => void;
  /** Per token and per client address; unset ones come from the environment, then defaults. */
  rateLimits?: RateLimitOptions;
}

export interface RunningCollector {
  /** Where the collector listens, for clients on this machine. */
  url: string;
  port: number;
  researcherToken: string;
  close(): Promise<void>;
}

/** How long close() lets in-flight requests finish before cutting their connections. */
const CLOSE_GRACE_MS = 5000;

export async function startCollector(options: StartCollectorOptions): Promise<RunningCollector> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => {});
  // Everything that can be wrong in the setup is checked before the database starts.
  const publicUrlOption = options.publicUrl ? normalizePublicUrl(options.publicUrl) : undefined;
  const rateLimits = resolveRateLimits(options.rateLimits ?? {}, process.env);
  const studies = await loadStudies(options.studiesDir);
  // The port does not change whether an endpoint is acceptable, so a stand-in will do.
  for (const study of studies.values()) {
    toManifest(study, publicUrlOption ?? listenUrl(host, options.port || 8787));
  }
  const token = await resolveResearcherToken({
    dataDir: options.dataDir,
    token: options.researcherToken,
    env: process.env[RESEARCHER_TOKEN_ENV],
  });

  const { db, description } = await openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    holder: 'a running collector',
    log,
  });
  let server: Server | undefined;
  try {
    let url = '';
    const publicUrl = () => publicUrlOption ?? url;
    const store = createSqlStore(db);
    const app = createApp({
      store,
      studies,
      researcherToken: token.token,
      publicUrl,
      log,
      rateLimits,
    });
    server = createServer(getRequestListener(app.fetch));
    const port = await listen(server, options.port, host);
    url = listenUrl(host, port);
    const manifests = [...studies.values()].map((study) => toManifest(study, publicUrl()));

    log(`tasktrace collector listening on ${url}`);
    log(`storage: ${description}`);
    if (publicUrlOption) log(`public URL: ${publicUrlOption}`);
    for (const manifest of manifests) {
      log(`study "${manifest.id}" (${manifest.name}): ${publicUrl()}/v1/studies/${manifest.id}`);
    }
    log(describeToken(token, options.dataDir));
    log(describeRateLimits(rateLimits));

    const stopSweeping = scheduleRetention(() =>
      sweepRetention(store, studies.values(), jsonLogger(log)),
    );
    const running = server;
    let closing: Promise<void> | undefined;
    return {
      url,
      port,
      researcherToken: token.token,
      close() {
        closing ??= Promise.all([closeServer(running), stopSweeping()])
          .then(() => undefined)
          .finally(() => db.close());
        return closing;
      },
    };
  } catch (error) {
    if (server?.listening) await closeServer(server);
    await db.close();
    throw error;
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive sockets would hold close() open; in-flight requests get a grace period.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
  });
}

function describeToken(token: ResearcherToken, dataDir: string): string {
  switch (token.source) {
    case 'option':
      return 'researcher token: given by the caller';
    case 'env':
      return `researcher token: from ${RESEARCHER_TOKEN_ENV}`;
    case 'file':
      return `researcher token: in ${token.file} (print it with: npm run collector -- token --data ${dataDir})`;
    case 'created':
      return `researcher token (new, shown once; kept in ${token.file}): ${token.token}`;
  }
}
