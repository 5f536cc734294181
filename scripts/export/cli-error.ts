/** A failure the CLI explains in words and ends on: what went wrong and how to fix it. */
export class CliError extends Error {
  override name = 'CliError';

  /** `exitCode` 2 for a mistake in the command line, 1 for anything else. */
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}
