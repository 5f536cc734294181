import { z } from 'zod';
import { timestamp } from './primitives';
import { allowlistEntry, captureLevel } from './study';

/** The consent version that sessions recorded for the volunteer alone carry. */
export const LOCAL_CONSENT_VERSION = 'local';

/**
 * Recording for oneself, without a study: the volunteer picks the sites, one permission
 * each, and the data never leaves the machine unless they export it.
 */
export const localProfile = z.strictObject({
  sites: z.array(allowlistEntry).max(100),
  captureLevel,
  startedAt: timestamp,
});
export type LocalProfile = z.infer<typeof localProfile>;
