import type { Db } from './open-db';
import { openSession } from './open-session';

/** Whether a browser tab already takes part in the open session. */
export async function isSessionTab(db: Db, tabId: number): Promise<boolean> {
  const session = await openSession(db);
  return session !== undefined && String(tabId) in session.tabs;
}
