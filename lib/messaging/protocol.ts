import { z } from 'zod';
import { captureLevel, pageEventDraft } from '../schema';

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
    .array(z.strictObject({ cseq: z.number().int().nonnegative(), draft: pageEventDraft }))
    .min(1)
    .max(500),
});

export const contentMessage = z.discriminatedUnion('type', [recorderHello, recorderEvents]);
export type ContentMessage = z.infer<typeof contentMessage>;

export const pageMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('study/preview'), studyUrl: z.string().max(2000) }),
  z.strictObject({ type: z.literal('study/join'), studyUrl: z.string().max(2000) }),
  z.strictObject({ type: z.literal('state/get') }),
  z.strictObject({ type: z.literal('state/set-paused'), paused: z.boolean() }),
  z.strictObject({ type: z.literal('upload/now') }),
]);
export type PageMessage = z.infer<typeof pageMessage>;

/** What a recorder needs to know; `record: false` tells it to stay silent. */
export const recorderConfig = z.discriminatedUnion('record', [
  z.strictObject({ record: z.literal(false) }),
  z.strictObject({
    record: z.literal(true),
    paused: z.boolean(),
    captureLevel,
    testIdAttributes: z.array(z.string()),
    routeTemplates: z.array(z.string()),
    queryKeys: z.array(z.string()),
  }),
]);
export type RecorderConfig = z.infer<typeof recorderConfig>;

export const recorderState = z.strictObject({
  type: z.literal('recorder/state'),
  paused: z.boolean(),
});
export type RecorderState = z.infer<typeof recorderState>;

export type EventsAck = { acked: number[] };

export const extensionState = z.strictObject({
  enrolled: z.boolean(),
  studyName: z.string().nullable(),
  paused: z.boolean(),
  pausedReason: z.enum(['volunteer', 'quota']),
  session: z
    .strictObject({ id: z.string(), eventCount: z.number(), uploadedCount: z.number() })
    .nullable(),
  pendingUpload: z.number().int().nonnegative(),
});
export type ExtensionState = z.infer<typeof extensionState>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
