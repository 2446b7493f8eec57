// Two processes on one database wait for each other: a writer holds DB.lock, created with O_EXCL.
import { open, readFile, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { InputError } from '../errors.js';

const POLL_MS = 50;
/** A lock older than this is a crashed writer's: no write takes ten minutes. */
const STALE_MS = 10 * 60_000;
/** How long a writer waits for another, in seconds (TAIZHANG_LOCK_WAIT overrides). */
const DEFAULT_WAIT_SECONDS = 120;

/** Whether the process that wrote the lock is gone, or the lock is too old to be a live one. */
async function isStale(lockPath: string, content: string): Promise<boolean> {
  const pid = Number(content.split(' ')[0]);
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
    }
  }
  try {
    return Date.now() - (await stat(lockPath)).mtimeMs > STALE_MS;
  } catch {
    return false;
  }
}

async function readLock(lockPath: string): Promise<string | undefined> {
  try {
    return await readFile(lockPath, 'utf8');
  } catch {
    return undefined;
  }
}

/** Takes the database's lock, waiting while another process holds it; returns its release. */
export async function acquireLock(dbPath: string): Promise<() => Promise<void>> {
  const lockPath = `${dbPath}.lock`;
  const waitSeconds = Number(process.env.TAIZHANG_LOCK_WAIT ?? DEFAULT_WAIT_SECONDS);
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(`${process.pid} ${new Date().toISOString()}\n`);
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const content = await readLock(lockPath);
    // Removed only if it is still the stale one we read, not a lock taken since.
    if (content !== undefined && (await isStale(lockPath, content)) && (await readLock(lockPath)) === content) {
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new InputError(`${dbPath}: locked by another taizhang for over ${waitSeconds} s (${lockPath}: ${content?.trim() ?? '?'})`);
    }
    await sleep(POLL_MS);
  }
}
