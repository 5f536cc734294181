/**
 * A problem in how the collector was set up (study files, options, data folder) that
 * the operator can fix. The CLI prints its message alone, without a stack trace.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
