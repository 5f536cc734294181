import { z } from 'zod';
import { studyFile } from './study';

/** What the collector answers its staff pages about studies (annotator or researcher token). */

const count = z.number().int().nonnegative();

/** Events on one UTC day of their own time. */
export const dayCount = z.strictObject({
  /** `YYYY-MM-DD`. */
  day: z.iso.date(),
  events: count,
});
export type DayCount = z.infer<typeof dayCount>;

/** A study's progress; erased participants count nowhere. */
export const studyProgress = z.strictObject({
  participants: count,
  sessions: count,
  events: count,
  /** Sessions an annotator saved tasks for. */
  annotatedSessions: count,
  /** Oldest first; days without events are absent. */
  eventsPerDay: z.array(dayCount),
});
export type StudyProgress = z.infer<typeof studyProgress>;

/** `GET /v1/stats?study=ID`: the dashboard's figures (researcher token). */
export const studyStats = z.strictObject({
  study: studyFile.shape.id,
  ...studyProgress.shape,
});
export type StudyStats = z.infer<typeof studyStats>;

/** A study this collector runs, as the staff pages name it. */
export const studySummary = z.strictObject({
  id: studyFile.shape.id,
  name: studyFile.shape.name,
});
export type StudySummary = z.infer<typeof studySummary>;

/** `GET /v1/studies`: the studies this collector runs, by name then id. */
export const studyList = z.strictObject({
  studies: z.array(studySummary),
});
export type StudyList = z.infer<typeof studyList>;
