/**
 * The name of the long-lived port a recorder streams its events over. Kept apart
 * from the protocol's schemas: the content script must not bundle zod.
 */
export const RECORDER_PORT = 'recorder';
