import { z } from 'zod';
import { fieldKind } from './field-kind';
import { NAMED_KEYS } from './named-keys';
import { actionGrounding, observationFields } from './observation';
import { framePath, page, seq, sessionId, timestamp } from './primitives';
import { selector, targetDescriptor } from './target';

const modifier = z.enum(['alt', 'ctrl', 'meta', 'shift']);

/** Keys that never produce a character; recorded by name. */
export const namedKey = z.enum(NAMED_KEYS);

/** Which observation an action was taken against; absent when none was made (schema 1). */
const at = actionGrounding.optional();

const pointer = {
  target: targetDescriptor,
  at,
  button: z.number().int().min(0).max(4),
  clicks: z.number().int().min(0).max(10),
  mods: z.array(modifier).max(4),
};

/** Fields specific to each kind of event recorded on a page (by the content script). */
const pageKinds = {
  click: pointer,
  dblclick: pointer,
  contextmenu: pointer,
  focus: { target: targetDescriptor, at },
  edit: { target: targetDescriptor, at },
  change: { target: targetDescriptor, at },
  submit: {
    target: targetDescriptor,
    at,
    /** How many fields of each kind the form has; never what they hold. */
    fields: z.partialRecord(fieldKind, z.number().int().nonnegative()),
  },
  key: {
    target: targetDescriptor.optional(),
    at,
    /** A named non-character key, or a single letter/digit when Ctrl, Meta or Alt is held. */
    key: z.union([namedKey, z.string().regex(/^[a-z0-9]$/)]),
    mods: z.array(modifier).max(4),
  },
  clipboard: {
    action: z.enum(['copy', 'cut', 'paste']),
    target: targetDescriptor.optional(),
    at,
  },
  scroll: {
    /** The scrolled element, or absent for the page itself. */
    target: selector.optional(),
    x: z.number().int(),
    y: z.number().int(),
    at,
  },
  /** What the page offered: its interface skeleton, or what changed in it (observation.ts). */
  observation: observationFields,
  history: { method: z.enum(['push', 'replace', 'pop']) },
  hashchange: {},
} as const;

const transitionType = z.enum([
  'link',
  'typed',
  'auto_bookmark',
  'auto_subframe',
  'manual_subframe',
  'generated',
  'start_page',
  'form_submit',
  'reload',
  'keyword',
  'keyword_generated',
]);
const transitionQualifier = z.enum([
  'client_redirect',
  'server_redirect',
  'forward_back',
  'from_address_bar',
]);

/** Fields specific to events the background observes for a tab. */
const tabKinds = {
  navigation: {
    transition: transitionType,
    qualifiers: z.array(transitionQualifier).max(4),
  },
  tab: { action: z.enum(['opened', 'switched', 'closed']) },
} as const;

const gapReason = z.enum([
  'extension-reload',
  'browser-closed',
  'worker-stopped',
  'quota',
  'permission-revoked',
  'unknown',
]);

/** Markers: the volunteer's own annotations and the recorder's account of itself. */
const markerKinds = {
  'task-start': { goal: z.string().trim().min(1).max(500) },
  'task-end': { outcome: z.enum(['done', 'gave-up']) },
  pause: {},
  resume: {},
  gap: { reason: gapReason, since: timestamp },
} as const;

const stamp = { session: sessionId, seq, t: timestamp };
const where = { tab: z.number().int().nonnegative(), frame: framePath, page };

function member<K extends string, S extends z.ZodRawShape, B extends z.ZodRawShape>(
  kind: K,
  shape: S,
  base: B,
) {
  return z.strictObject({ kind: z.literal(kind), ...base, ...shape });
}

export const clickEvent = member('click', pageKinds.click, { ...stamp, ...where });
export const dblclickEvent = member('dblclick', pageKinds.dblclick, { ...stamp, ...where });
export const contextmenuEvent = member('contextmenu', pageKinds.contextmenu, {
  ...stamp,
  ...where,
});
export const focusEvent = member('focus', pageKinds.focus, { ...stamp, ...where });
export const editEvent = member('edit', pageKinds.edit, { ...stamp, ...where });
export const changeEvent = member('change', pageKinds.change, { ...stamp, ...where });
export const submitEvent = member('submit', pageKinds.submit, { ...stamp, ...where });
export const keyEvent = member('key', pageKinds.key, { ...stamp, ...where });
export const clipboardEvent = member('clipboard', pageKinds.clipboard, { ...stamp, ...where });
export const scrollEvent = member('scroll', pageKinds.scroll, { ...stamp, ...where });
export const historyEvent = member('history', pageKinds.history, { ...stamp, ...where });
export const hashchangeEvent = member('hashchange', pageKinds.hashchange, { ...stamp, ...where });
export const observationEvent = member('observation', pageKinds.observation, {
  ...stamp,
  ...where,
});
export const navigationEvent = member('navigation', tabKinds.navigation, { ...stamp, ...where });
export const tabEvent = member('tab', tabKinds.tab, {
  ...stamp,
  tab: where.tab,
  page: page.optional(),
});
export const taskStartEvent = member('task-start', markerKinds['task-start'], stamp);
export const taskEndEvent = member('task-end', markerKinds['task-end'], stamp);
export const pauseEvent = member('pause', markerKinds.pause, stamp);
export const resumeEvent = member('resume', markerKinds.resume, stamp);
export const gapEvent = member('gap', markerKinds.gap, stamp);

/** One recorded event: the v1 data model. Every field is on an allowlist; unknown keys fail. */
export const traceEvent = z
  .discriminatedUnion('kind', [
    clickEvent,
    dblclickEvent,
    contextmenuEvent,
    focusEvent,
    editEvent,
    changeEvent,
    submitEvent,
    keyEvent,
    clipboardEvent,
    scrollEvent,
    historyEvent,
    hashchangeEvent,
    observationEvent,
    navigationEvent,
    tabEvent,
    taskStartEvent,
    taskEndEvent,
    pauseEvent,
    resumeEvent,
    gapEvent,
  ])
  .describe('A recorded event');
export type TraceEvent = z.infer<typeof traceEvent>;
export type EventKind = TraceEvent['kind'];

const draftBase = { t: timestamp, frame: framePath, page };

/**
 * What a content script sends: a page event before the background stamps it with
 * the session, sequence number and tab index.
 */
export const pageEventDraft = z.discriminatedUnion('kind', [
  member('click', pageKinds.click, draftBase),
  member('dblclick', pageKinds.dblclick, draftBase),
  member('contextmenu', pageKinds.contextmenu, draftBase),
  member('focus', pageKinds.focus, draftBase),
  member('edit', pageKinds.edit, draftBase),
  member('change', pageKinds.change, draftBase),
  member('submit', pageKinds.submit, draftBase),
  member('key', pageKinds.key, draftBase),
  member('clipboard', pageKinds.clipboard, draftBase),
  member('scroll', pageKinds.scroll, draftBase),
  member('history', pageKinds.history, draftBase),
  member('hashchange', pageKinds.hashchange, draftBase),
  member('observation', pageKinds.observation, draftBase),
]);
export type PageEventDraft = z.infer<typeof pageEventDraft>;
