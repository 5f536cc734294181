import { Hono } from 'hono';
import type { Store } from './db/store';
import { ApiFailure } from './http/api-failure';
import { extensionCors } from './http/extension-cors';
import { type RateLimits, rateLimit } from './http/rate-limit';
import { requestLog } from './http/request-log';
import { DEFAULT_IP_RATE_LIMIT, DEFAULT_TOKEN_RATE_LIMIT } from './limits';
import { jsonLogger } from './log';
import { exportRoutes } from './routes/export';
import { healthRoutes } from './routes/health';
import { participantsRoutes } from './routes/participants';
import { sessionsRoutes } from './routes/sessions';
import { statsRoutes } from './routes/stats';
import { studiesRoutes } from './routes/studies';
import { studyListRoutes } from './routes/study-list';
import { uploadsRoutes } from './routes/uploads';
import { webRoutes } from './routes/web';
import type { Study } from './studies/load-studies';

export interface AppDeps {
  store: Store;
  studies: ReadonlyMap<string, Study>;
  researcherToken: string;
  /** Where extensions reach this collector; a function because the port is known only after listen. */
  publicUrl: () => string;
  /** Where log lines go: one JSON object a line per request (see log.ts), never content. */
  log?: (line: string) => void;
  /** Defaults: DEFAULT_TOKEN_RATE_LIMIT and DEFAULT_IP_RATE_LIMIT, no proxy trusted. */
  rateLimits?: RateLimits;
  /** The built web pages (dashboard, annotation); defaults to .output/collector-web. */
  webDir?: string;
}

export function createApp(deps: AppDeps) {
  const logger = jsonLogger(deps.log ?? (() => {}));
  const app = new Hono();

  // Outermost the log, so it sees every answer; then CORS, so the extension can read a
  // 429's Retry-After; then the rate limit, before any route does work.
  app.use('*', requestLog(logger));
  app.use('*', extensionCors());
  app.use(
    '*',
    rateLimit(
      deps.rateLimits ?? {
        perToken: DEFAULT_TOKEN_RATE_LIMIT,
        perIp: DEFAULT_IP_RATE_LIMIT,
        trustProxy: false,
      },
    ),
  );
  app.route('/healthz', healthRoutes());
  app.route('/v1/studies', studyListRoutes(deps));
  app.route('/v1/studies', studiesRoutes(deps));
  app.route('/v1/uploads', uploadsRoutes({ ...deps, logger }));
  app.route('/v1/export', exportRoutes(deps));
  app.route('/v1/participants', participantsRoutes({ ...deps, logger }));
  app.route('/v1/sessions', sessionsRoutes(deps));
  app.route('/v1/stats', statsRoutes(deps));
  app.route('/', webRoutes({ webDir: deps.webDir }));

  app.notFound((c) =>
    c.json(
      new ApiFailure(404, 'not_found', `No endpoint ${c.req.method} ${c.req.path} here.`).toJSON(),
      404,
    ),
  );
  // The request log records the failure (its class and code); the client learns only
  // that it failed: no stack, no internal message.
  app.onError((error, c) => {
    if (error instanceof ApiFailure) return c.json(error.toJSON(), error.status, error.headers);
    return c.json(
      new ApiFailure(
        500,
        'internal',
        'The collector failed to handle this request; try again later.',
      ).toJSON(),
      500,
    );
  });
  return app;
}
