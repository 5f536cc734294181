import type { TaskSpan } from '../../lib/schema';
import type { SqlQueryable } from './sql-client';
import type { SavedTaskLists, TasksBy } from './store';

interface Row {
  session_id: string;
  by: TasksBy;
  version: number;
  tasks: TaskSpan[] | string;
}

/** One query for many sessions: the export asks once per page, not once per session. */
export async function readSessionTasks(
  db: SqlQueryable,
  sessionIds: string[],
): Promise<Map<string, SavedTaskLists>> {
  const saved = new Map<string, SavedTaskLists>();
  if (sessionIds.length === 0) return saved;
  const { rows } = await db.query<Row>(
    `select session_id, by, version, tasks from session_tasks
     where session_id = any($1::text[])`,
    [sessionIds],
  );
  for (const row of rows) {
    const lists = saved.get(row.session_id) ?? {};
    lists[row.by] = {
      version: Number(row.version),
      // Validated by putTasksRequest before it was stored.
      tasks: typeof row.tasks === 'string' ? (JSON.parse(row.tasks) as TaskSpan[]) : row.tasks,
    };
    saved.set(row.session_id, lists);
  }
  return saved;
}
