import { Hono } from 'hono';
import {
  putTasksRequest,
  type SessionDetail,
  type SessionsPage,
  type SessionTasks,
  sessionsQuery,
} from '../../lib/schema';
import { checkSpans } from '../annotation/check-spans';
import { volunteerTasks } from '../annotation/chosen-tasks';
import { MAX_TASKS_BYTES } from '../common/limits';
import { ApiFailure } from '../http/api-failure';
import type { AppDeps } from '../http/app-deps';
import { authenticateStaff } from '../http/authenticate-staff';
import { authenticateTaskEditor } from '../http/authenticate-task-editor';
import { parseBody } from '../http/parse-body';
import { parseQuery } from '../http/parse-query';
import { sessionIdParam } from '../http/session-id-param';

/**
 * Sessions for annotation: list, read one with both task lists, save a task list. Staff
 * tokens read; saving is optimistic: each save names the version it was edited from, and
 * loses with 409 if someone saved since, so nobody overwrites work they have not seen.
 */
export function sessionsRoutes(deps: Pick<AppDeps, 'store' | 'studies' | 'researcherToken'>) {
  const app = new Hono();

  app.get('/', async (c) => {
    await authenticateStaff(deps, c.req.header('authorization'), ['annotator']);
    const query = parseQuery(c.req.query(), sessionsQuery, {
      code: 'invalid_query',
      message:
        'Query parameters: study (required), annotated=true|false, limit 1–200, after=<last session id of the previous page>; nothing else.',
    });
    if (!deps.studies.has(query.study)) {
      throw new ApiFailure(
        404,
        'unknown_study',
        `There is no study "${query.study}" on this collector.`,
      );
    }
    // One more than asked: whether a next page exists is then known without another call.
    const rows = await deps.store.listSessions({
      studyId: query.study,
      annotated: query.annotated,
      after: query.after,
      limit: query.limit + 1,
    });
    const sessions = rows.slice(0, query.limit);
    const body: SessionsPage = {
      sessions,
      next: rows.length > query.limit ? (sessions.at(-1)?.id ?? null) : null,
    };
    return c.json(body);
  });

  app.get('/:id', async (c) => {
    await authenticateStaff(deps, c.req.header('authorization'), ['annotator']);
    const id = sessionIdParam(c.req.param('id'));
    const session = await deps.store.findSession(id);
    if (!session) throw unknownSession(id);
    const [rows, saved] = await Promise.all([
      deps.store.readSessionEvents(id),
      deps.store.readSessionTasks([id]),
    ]);
    const events = rows.map((row) => row.event);
    const lists = saved.get(id);
    const body: SessionDetail = {
      session: {
        id: session.id,
        study: session.studyId,
        participant: session.participantId,
        startedAt: session.startedAt,
      },
      events,
      volunteer: volunteerTasks(lists, events),
      annotator: lists?.annotator ?? { version: 0, tasks: [] },
    };
    return c.json(body);
  });

  app.put('/:id/tasks', async (c) => {
    const editor = await authenticateTaskEditor(deps, c.req.header('authorization'));
    const id = sessionIdParam(c.req.param('id'));
    const session = await deps.store.findSession(id);
    if (!session) throw unknownSession(id);
    if (editor.by === 'volunteer' && session.participantId !== editor.participant.id) {
      throw new ApiFailure(
        403,
        'not_your_session',
        'This upload token belongs to another participant: a volunteer may save tasks for their own sessions only.',
      );
    }
    const request = await parseBody(c.req.raw, putTasksRequest, {
      maxBytes: MAX_TASKS_BYTES,
      invalid: {
        code: 'invalid_tasks',
        message:
          'The request must be { version, tasks } and nothing else: the version the tasks were read at, and every task as { start, end, goal, outcome }.',
      },
    });
    const edges = request.tasks.flatMap((task) => [task.start, task.end]);
    const tasks = checkSpans(request.tasks, await deps.store.findPresentSeqs(id, edges));
    const outcome = await deps.store.saveSessionTasks({
      sessionId: id,
      by: editor.by,
      expectedVersion: request.version,
      tasks,
    });
    switch (outcome.kind) {
      case 'gone':
        throw unknownSession(id);
      case 'conflict':
        throw new ApiFailure(
          409,
          'version_conflict',
          `Someone else saved tasks for this session first (now version ${outcome.currentVersion}). Reload the session to see their changes, then apply yours again.`,
          undefined,
          { currentVersion: outcome.currentVersion },
        );
      case 'saved': {
        const body: SessionTasks = { session: id, by: editor.by, version: outcome.version, tasks };
        return c.json(body);
      }
    }
  });

  return app;
}

function unknownSession(id: string): ApiFailure {
  return new ApiFailure(
    404,
    'unknown_session',
    `There is no session ${id} on this collector (or its volunteer left the study and it was erased).`,
  );
}
