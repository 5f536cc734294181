import { CliError } from './cli-error';

/**
 * Runs a command's `main` and sets its exit code: a CliError is the command's own
 * explanation and its code; anything else is a bug, said as one.
 */
export function runCli(
  main: () => Promise<number>,
  failure: (error: Error) => string,
  prefix: () => string = () => '',
): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof CliError) {
        process.stderr.write(`${prefix()}${error.message}\n`);
        process.exitCode = error.exitCode;
      } else {
        process.stderr.write(`${failure(error as Error)}\n`);
        process.exitCode = 1;
      }
    },
  );
}
