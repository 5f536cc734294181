import type { SessionDetail, SessionSummary, SessionsPage, SessionTasks } from '../../lib/schema';
import type { StudyStats as StoredStats } from '../db/read-study-stats';

/** What the collector's API answers, as these pages read it (types only: no code shipped). */

export type { SessionDetail, SessionSummary, SessionsPage };

export type StudySummary = { id: string; name: string };

export type StudyList = { studies: StudySummary[] };

/** `GET /v1/stats?study=ID`. */
export type StudyStats = StoredStats & { study: string };

/** `PUT /v1/sessions/:id/tasks`. */
export type SavedTasks = SessionTasks;
