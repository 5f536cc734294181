// Plain constants, no zod: the recorder imports these, and its bundle must stay small.

/** Most nodes one observation lists; over it, only those in or near the viewport (PRIVACY.md). */
export const MAX_OBSERVED_NODES = 1500;
