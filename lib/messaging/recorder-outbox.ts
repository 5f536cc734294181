/**
 * Where a page that is going away leaves the events the background has not yet
 * acknowledged, under `OUTBOX_PREFIX + clientId` in the extension's `storage.local`:
 * a write to storage is done by the browser even if the page is gone a moment later,
 * while a message on a port that a stopped background had not yet opened is lost with
 * the page (a link clicked right after a load, while the worker is cold). The
 * background stores what it finds there and removes it (drain-outbox.ts); resends are
 * recognised, so an event that also arrived by its port is stored once.
 */
export const OUTBOX_PREFIX = 'tasktrace:outbox:';

/** What one recorder leaves; `top` says whether it ran in the tab's top frame. */
export type RecorderOutbox = {
  clientId: string;
  origin: string;
  top: boolean;
  events: { cseq: number; v: string; draft: unknown }[];
};
