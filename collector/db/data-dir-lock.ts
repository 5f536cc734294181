import { readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../common/config-error';

export const LOCK_FILE = 'collector.lock';

/** Locks this process holds, so a lock file naming our own pid is told from a stale one. */
const held = new Set<string>();

/**
 * Embedded PGlite is one process's database: a second process opening the same folder
 * sees stale pages and overwrites the first one's writes. This lock file (the holder's
 * pid and what it is doing) keeps the collector and the token commands from running on
 * one data folder at once. A lock left by a process that died is taken over. Returns
 * the release function.
 */
export async function lockDataDir(dataDir: string, holder: string): Promise<() => Promise<void>> {
  const file = path.resolve(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await writeFile(file, `${JSON.stringify({ pid: process.pid, holder })}\n`, { flag: 'wx' });
      held.add(file);
      return async () => {
        held.delete(file);
        await unlink(file).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(file);
    if (owner && isLive(owner.pid, file)) {
      throw new ConfigError(
        `The data folder ${dataDir} is in use by ${owner.holder}${owner.pid === null ? '' : ` (process ${owner.pid})`}. Its embedded database takes one process at a time: stop that process first (for token commands: stop the collector, run the command, start the collector again).`,
      );
    }
    // Left behind by a process that is gone (or unreadable): take it over.
    await unlink(file).catch(() => undefined);
  }
  throw new ConfigError(`Could not lock the data folder ${dataDir}; try again.`);
}

/** How long an unreadable lock file is taken for one being written right now. */
const FRESH_MS = 5000;

interface Owner {
  /** Null while the file is being written: its owner is not known yet. */
  pid: number | null;
  holder: string;
}

async function readOwner(file: string): Promise<Owner | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as { pid?: unknown; holder?: unknown };
    if (typeof value.pid === 'number') {
      return {
        pid: value.pid,
        holder: typeof value.holder === 'string' ? value.holder : 'a process',
      };
    }
  } catch {
    // Empty or cut short: perhaps created a moment ago and not written yet.
  }
  const age = await stat(file).then(
    (info) => Date.now() - info.mtimeMs,
    () => Number.POSITIVE_INFINITY,
  );
  return age < FRESH_MS ? { pid: null, holder: 'another process starting up' } : undefined;
}

/** Our own pid in a lock we do not hold is a stale file from an earlier life (a container's pid 1). */
function isLive(pid: number | null, file: string): boolean {
  if (pid === null) return true;
  if (pid === process.pid) return held.has(file);
  return isRunning(pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user; it is running all the same.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
