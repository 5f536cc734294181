/** Version of the data model below; stamped on every upload and dataset line. */
export const SCHEMA_VERSION = 1 as const;
