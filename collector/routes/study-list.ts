import { Hono } from 'hono';
import type { StudyList } from '../../lib/schema';
import type { AppDeps } from '../http/app-deps';
import { authenticateStaff } from '../http/authenticate-staff';

/**
 * `GET /v1/studies`: the studies this collector runs, id and name, for the dashboard and
 * annotation pages (annotator or researcher token). Each study's manifest stays public at
 * `/v1/studies/:id`; the list is not, so a study link stays the only way to find a study.
 */
export function studyListRoutes(deps: Pick<AppDeps, 'store' | 'studies' | 'researcherToken'>) {
  const app = new Hono();

  app.get('/', async (c) => {
    await authenticateStaff(deps, c.req.header('authorization'), ['annotator']);
    const body: StudyList = {
      studies: [...deps.studies.values()]
        .map((study) => ({ id: study.id, name: study.name }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  return app;
}
