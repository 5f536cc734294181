import { z } from 'zod';
import {
  captureLevel,
  matchPattern,
  origin,
  pageEventDraft,
  seq,
  sessionId,
  studyManifest,
  taskSpan,
} from '../schema';

/**
 * Every message a content script or an extension page may send the background.
 * The background parses each with this schema and checks the sender before acting.
 */
export const recorderHello = z.strictObject({ type: z.literal('recorder/hello') });
export const recorderEvents = z.strictObject({
  type: z.literal('recorder/events'),
  /** Random per content-script instance; with `cseq` it makes resends idempotent. */
  clientId: z.string().regex(/^[a-z0-9-]{8,64}$/),
  events: z
    .array(
      z.strictObject({
        cseq: z.number().int().nonnegative(),
        /** The version of the recorder settings the event was made under, or BEFORE_SETTINGS. */
        v: z.string().regex(/^[a-z0-9-]{1,32}$/),
        draft: pageEventDraft,
      }),
    )
    .min(1)
    .max(500),
});

export type RecorderEvents = z.infer<typeof recorderEvents>;

/** What a recorder leaves in the outbox when its page goes away (recorder-outbox.ts). */
export const recorderOutbox = z.strictObject({
  clientId: recorderEvents.shape.clientId,
  origin,
  top: z.boolean(),
  events: recorderEvents.shape.events,
});

export const pageMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('study/preview'), studyUrl: z.string().max(2000) }),
  z.strictObject({
    type: z.literal('study/join'),
    studyUrl: z.string().max(2000),
    /** The study exactly as the consent screen showed it: joining is under these terms only. */
    study: studyManifest,
  }),
  z.strictObject({
    type: z.literal('state/get'),
    /** The active tab's address, for "recording this site" or "not in the study". */
    url: z.string().max(8192).optional(),
  }),
  z.strictObject({ type: z.literal('task/start'), goal: z.string().trim().min(1).max(500) }),
  z.strictObject({ type: z.literal('task/end'), outcome: z.enum(['done', 'gave-up']) }),
  z.strictObject({ type: z.literal('state/set-paused'), paused: z.boolean() }),
  z.strictObject({ type: z.literal('upload/now') }),
  z.strictObject({ type: z.literal('study/check') }),
  z.strictObject({ type: z.literal('study/rejoin') }),
  z.strictObject({ type: z.literal('study/pending') }),
  z.strictObject({ type: z.literal('study/consent-again') }),
  z.strictObject({ type: z.literal('study/leave'), erase: z.boolean() }),
  z.strictObject({ type: z.literal('local/start'), captureLevel }),
  z.strictObject({ type: z.literal('local/add-site'), match: matchPattern }),
  z.strictObject({ type: z.literal('local/remove-site'), match: matchPattern }),
  z.strictObject({ type: z.literal('local/export') }),
  z.strictObject({ type: z.literal('options/get') }),
  z.strictObject({
    type: z.literal('settings/auto-pause'),
    minutes: z.number().int().min(0).max(240),
  }),
  // The review page (page-responses.ts has what they answer).
  z.strictObject({ type: z.literal('review/sessions') }),
  z.strictObject({ type: z.literal('review/session'), id: sessionId }),
  z.strictObject({
    type: z.literal('review/delete-steps'),
    session: sessionId,
    seqs: z.array(seq).min(1).max(100_000),
  }),
  z.strictObject({ type: z.literal('review/delete-session'), id: sessionId }),
  z.strictObject({
    type: z.literal('review/set-tasks'),
    session: sessionId,
    tasks: z.array(taskSpan).max(500),
    /** The session's next sequence number as the page saw it. */
    through: seq.optional(),
  }),
  z.strictObject({ type: z.literal('review/preview-upload'), session: sessionId }),
  z.strictObject({ type: z.literal('upload/session'), id: sessionId }),
]);
export type PageMessage = z.infer<typeof pageMessage>;

/**
 * The answer to a framed recorder's hello: whether the page around it is one it may
 * record in (its settings come from storage; see recorder-settings.ts).
 */
export type RecorderHelloAnswer = { record: boolean };

export type EventsAck = { acked: number[] };

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
