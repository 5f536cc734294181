import { Hono } from 'hono';
import type { Store } from './db/store';
import { ApiFailure } from './http/api-failure';
import { extensionCors } from './http/extension-cors';
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
  log?: (line: string) => void;
  /** The built web pages (dashboard, annotation); defaults to .output/collector-web. */
  webDir?: string;
}

export function createApp(deps: AppDeps) {
  const log = deps.log ?? (() => {});
  const app = new Hono();

  app.use('*', extensionCors());
  app.route('/healthz', healthRoutes());
  app.route('/v1/studies', studyListRoutes(deps));
  app.route('/v1/studies', studiesRoutes(deps));
  app.route('/v1/uploads', uploadsRoutes(deps));
  app.route('/v1/export', exportRoutes(deps));
  app.route('/v1/participants', participantsRoutes(deps));
  app.route('/v1/sessions', sessionsRoutes(deps));
  app.route('/v1/stats', statsRoutes(deps));
  app.route('/', webRoutes({ webDir: deps.webDir }));

  app.notFound((c) =>
    c.json(
      new ApiFailure(404, 'not_found', `No endpoint ${c.req.method} ${c.req.path} here.`).toJSON(),
      404,
    ),
  );
  app.onError((error, c) => {
    if (error instanceof ApiFailure) return c.json(error.toJSON(), error.status);
    // Only the message: a stack or a request body could carry what must never be logged.
    log(`error: ${c.req.method} ${c.req.path}: ${error.message}`);
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
