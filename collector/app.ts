import { Hono } from 'hono';
import { DEFAULT_IP_RATE_LIMIT, DEFAULT_TOKEN_RATE_LIMIT } from './common/limits';
import { jsonLogger } from './common/log';
import { ApiFailure } from './http/api-failure';
import type { AppDeps } from './http/app-deps';
import { extensionCors } from './http/extension-cors';
import { rateLimit } from './http/rate-limit';
import { requestLog } from './http/request-log';
import { exportRoutes } from './routes/export';
import { healthRoutes } from './routes/health';
import { participantsRoutes } from './routes/participants';
import { sessionsRoutes } from './routes/sessions';
import { statsRoutes } from './routes/stats';
import { studiesRoutes } from './routes/studies';
import { studyListRoutes } from './routes/study-list';
import { uploadsRoutes } from './routes/uploads';
import { webRoutes } from './routes/web';

export type { AppDeps } from './http/app-deps';

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
