import type { SitePattern } from '../privacy/site-patterns';
import type { AllowlistEntry, CaptureLevel } from '../schema';

/**
 * What every recorder frame needs to know, published by the background in
 * `storage.local` (content scripts read it without waking the service worker, and
 * hear every change through `storage.onChanged`). Kept free of zod: the content
 * script must stay small.
 */
export type RecorderSettings = {
  /**
   * The version of the settings that shape events (level, selectors, paths, sites).
   * Each event carries the version it was made under; the background stores only
   * events made under the version in force.
   */
  v: string;
  /** False while nothing may be recorded: not joined, paused, re-consent pending, disk full. */
  record: boolean;
  captureLevel: CaptureLevel;
  testIdAttributes: string[];
  routeTemplates: string[];
  queryKeys: string[];
  /** The study's sites the volunteer granted, with their excluded paths. */
  allowlist: AllowlistEntry[];
  /** The same, compiled for the recorder (site-patterns.ts), which does not bundle the compiler. */
  sites: SitePattern[];
  /** Words shown to be structural (lib/privacy): the only page strings kept as they are. */
  words: string[];
};

export const RECORDER_SETTINGS_KEY = 'tasktrace:recorder-settings';

/**
 * The version carried by events a page made before it could read its settings and
 * left before it did: described at the strictest level (no names, no test ids, every
 * path segment that is not structural replaced), judged by the background alone. No
 * settings' version has a `-` in it.
 */
export const BEFORE_SETTINGS = 'before-settings';

/**
 * A light check of what storage holds (only the background writes it; the content
 * script does not bundle zod): anything else records nothing.
 */
export function isRecorderSettings(value: unknown): value is RecorderSettings {
  const candidate = value as Partial<RecorderSettings> | null;
  return typeof candidate?.v === 'string' && Array.isArray(candidate.sites);
}
