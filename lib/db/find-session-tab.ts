import { getMeta } from './meta';
import type { Db } from './open-db';

/** Whether a browser tab already takes part in the open session. */
export async function isSessionTab(db: Db, tabId: number): Promise<boolean> {
  const currentId = await getMeta(db, 'currentSession');
  const session = currentId ? await db.get('sessions', currentId) : undefined;
  return session !== undefined && session.endedAt === null && String(tabId) in session.tabs;
}
