import { mkdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './cli-error';

/**
 * An export's files, written under temporary names in the output folder and renamed to
 * their real names only once all are complete. A failure or Ctrl-C removes them (and the
 * folder, if this export made it), so nothing half-written ever looks like a dataset.
 */
export class StagedFiles {
  private readonly staged = new Map<string, string>();
  private createdDir: string | undefined;

  constructor(private readonly dir: string) {}

  /** Makes the folder if needed; a folder that cannot be made says how to fix it. */
  async prepare(): Promise<void> {
    try {
      this.createdDir = await mkdir(this.dir, { recursive: true });
    } catch (error) {
      throw notWritable(this.dir, error as NodeJS.ErrnoException);
    }
  }

  /** The temporary path to write `name` to. */
  stage(name: string): string {
    const temporary = path.join(this.dir, `${name}.${process.pid}.partial`);
    this.staged.set(name, temporary);
    return temporary;
  }

  /** Gives every staged file its real name, in the order staged: the manifest goes last. */
  async commit(): Promise<void> {
    for (const [name, temporary] of this.staged) {
      await rename(temporary, path.join(this.dir, name));
      this.staged.delete(name);
    }
  }

  async discard(): Promise<void> {
    await Promise.all([...this.staged.values()].map((file) => rm(file, { force: true })));
    this.staged.clear();
    // Only the folders this export made, innermost first, and only if empty: rmdir
    // refuses anything else.
    if (!this.createdDir) return;
    const top = path.resolve(this.createdDir);
    for (let dir = path.resolve(this.dir); dir.startsWith(top); dir = path.dirname(dir)) {
      if (
        !(await rmdir(dir).then(
          () => true,
          () => false,
        ))
      )
        return;
      if (dir === top) return;
    }
  }
}

/** Turns a failure to create or write in the output folder into advice. */
export function notWritable(dir: string, error: NodeJS.ErrnoException): CliError {
  return new CliError(
    `Cannot write to the output folder ${dir}${error.code ? ` (${error.code})` : ''}: ${error.message}\nChoose a folder you may write to with --out.`,
  );
}
