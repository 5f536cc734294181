import { Hono } from 'hono';
import { datasetJsonSchema } from '../../lib/schema/dataset-json-schema';
import { jsonLogger } from '../common/log';
import { datasheet } from '../export/datasheet';
import { episodeChunks } from '../export/episode-chunks';
import { eventChunks } from '../export/event-chunks';
import { exportRequest } from '../export/export-request';
import { exportSummary } from '../export/export-summary';
import { acceptsGzip, gzipStream } from '../export/gzip';
import { pullStream } from '../export/pull-stream';
import type { AppDeps } from '../http/app-deps';
import { authenticateStaff } from '../http/authenticate-staff';

/**
 * The dataset for researchers: its lines as JSONL, streamed page by page so memory stays
 * flat; the JSON Schema of a line; a summary and a datasheet made by aggregates.
 */
export function exportRoutes(deps: Pick<AppDeps, 'store' | 'studies' | 'researcherToken' | 'log'>) {
  const app = new Hono();
  const logger = jsonLogger(deps.log ?? (() => {}));
  // The same every time: generated once, on first use.
  let schemaText: string | undefined;

  app.get('/schema.json', async (c) => {
    await authenticateStaff(deps, c.req.header('authorization'), ['researcher']);
    schemaText ??= `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`;
    c.header('Content-Type', 'application/schema+json; charset=utf-8');
    return c.body(schemaText);
  });

  app.get('/summary.json', async (c) => {
    const request = await exportRequest(deps, c.req.header('authorization'), c.req.query());
    c.header('Cache-Control', 'no-store');
    return c.json(await exportSummary(deps.store, request));
  });

  app.get('/datasheet.md', async (c) => {
    const request = await exportRequest(deps, c.req.header('authorization'), c.req.query());
    const summary = await exportSummary(deps.store, request);
    c.header('Content-Type', 'text/markdown; charset=utf-8');
    c.header('Cache-Control', 'no-store');
    return c.body(datasheet(request.study, summary, new Date()));
  });

  app.get('/', async (c) => {
    const request = await exportRequest(deps, c.req.header('authorization'), c.req.query());
    const { study, format, selection } = request;
    // Read before answering: if the database fails now, the client gets a clean 500.
    const source =
      format === 'events'
        ? await eventChunks(deps.store, selection)
        : await episodeChunks(deps.store, selection);
    // The error's class and code only: a database error's message may quote a value.
    const lines = pullStream(source, (error) => {
      const code = (error as NodeJS.ErrnoException).code;
      logger('error', 'export cut short', { study: study.id, format, error: error.name, code });
    });
    const gzip = acceptsGzip(c.req.header('accept-encoding'));
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${study.id}-${format}.jsonl"`);
    c.header('Cache-Control', 'no-store');
    c.header('Vary', 'Accept-Encoding', { append: true });
    if (gzip) c.header('Content-Encoding', 'gzip');
    // Without it, @hono/node-server may buffer the first chunks and, if a later page
    // fails, end the response with a Content-Length as if it were complete.
    c.header('Transfer-Encoding', 'chunked');
    return c.body(gzip ? gzipStream(lines) : lines);
  });

  return app;
}
