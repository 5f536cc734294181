import { getMeta } from '../db/meta';
import type { Db } from '../db/open-db';
import { SESSION_GONE } from '../db/read-review-session';
import { queueUploads } from '../upload/queue-uploads';
import { NOTHING_UPLOADED_LOCALLY } from './preview-upload';
import { runUploads } from './run-uploads';

/**
 * Review's "Upload session": this one session joins the upload queue, which then runs
 * on its own (surviving worker stops); the page follows its progress.
 */
export async function uploadSession(
  db: Db,
  sessionId: string,
  run: () => Promise<void> = runUploads,
  now = Date.now(),
): Promise<number> {
  const enrollment = await getMeta(db, 'enrollment');
  if (!enrollment) throw new Error(NOTHING_UPLOADED_LOCALLY);
  const session = await db.get('sessions', sessionId);
  if (!session) throw new Error(SESSION_GONE);
  if (session.studyId !== enrollment.study.id) {
    throw new Error('This session was not recorded for your study, so it is never uploaded.');
  }
  const queued = await queueUploads(db, enrollment.study.id, now, { session: sessionId });
  if (queued === 0) throw new Error('Every step of this session is already uploaded.');
  void run();
  return queued;
}
