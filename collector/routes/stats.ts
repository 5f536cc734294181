import { Hono } from 'hono';
import type { StudyStats } from '../../lib/schema';
import { ApiFailure } from '../http/api-failure';
import type { AppDeps } from '../http/app-deps';
import { authenticateStaff } from '../http/authenticate-staff';
import { studyIdParam } from '../http/study-id-param';

/** `GET /v1/stats?study=ID`: the dashboard's figures (researcher token). */
export function statsRoutes(deps: Pick<AppDeps, 'store' | 'studies' | 'researcherToken'>) {
  const app = new Hono();

  app.get('/', async (c) => {
    await authenticateStaff(deps, c.req.header('authorization'), ['researcher']);
    const query = c.req.query('study');
    if (!query) {
      throw new ApiFailure(400, 'missing_study', 'Say which study: ?study=<id>.');
    }
    const studyId = studyIdParam(query);
    if (!deps.studies.has(studyId)) {
      throw new ApiFailure(
        404,
        'unknown_study',
        `There is no study "${studyId}" on this collector.`,
      );
    }
    const stats = await deps.store.readStudyStats(studyId);
    const body: StudyStats = { study: studyId, ...stats };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  return app;
}
