import type { CaptureLevel, PageEventDraft } from '../schema';

/**
 * Removes what a capture level does not allow from an event: at `structure`, the
 * accessible name and form label of its target. Every part behind the recorder
 * applies it (the background before storing, the collector before inserting), so
 * an outdated or modified recorder cannot add what the volunteer did not agree to.
 * Returns the event itself when nothing had to go.
 */
export function stripToLevel<T extends Pick<PageEventDraft, 'kind'>>(
  event: T,
  level: CaptureLevel,
): T {
  if (level === 'labels') return event;
  const target = (event as { target?: unknown }).target;
  if (typeof target !== 'object' || target === null) return event;
  if (!('name' in target) && !('label' in target)) return event;
  const { name: _name, label: _label, ...kept } = target as Record<string, unknown>;
  return { ...event, target: kept };
}
