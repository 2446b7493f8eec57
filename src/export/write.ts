import { constants, rmSync } from 'node:fs';
import { type FileHandle, lstat, mkdir, open, readlink, realpath, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';

export interface WriteOptions {
  /** Files that must never be overwritten: the inputs the output was made from. */
  inputs?: readonly string[];
}

/** The real path of an existing file, or undefined when there is none. */
async function realPathOf(path: string): Promise<string | undefined> {
  try {
    return await realpath(path);
  } catch {
    return undefined;
  }
}

// A batch passes the same list of inputs for each of its thousands of outputs: their real paths
// are looked up once per list, not once per output.
const realInputsByList = new WeakMap<readonly string[], Promise<Map<string, string>>>();

/** The inputs that exist, by real path. */
function realInputs(inputs: readonly string[]): Promise<Map<string, string>> {
  let found = realInputsByList.get(inputs);
  if (found === undefined) {
    found = (async () => {
      const byRealPath = new Map<string, string>();
      for (const input of inputs) {
        const real = await realPathOf(input);
        if (real !== undefined && !byRealPath.has(real)) byRealPath.set(real, input);
      }
      return byRealPath;
    })();
    realInputsByList.set(inputs, found);
  }
  return found;
}

async function refuseToOverwriteInputs(target: string, inputs: readonly string[]): Promise<void> {
  const realTarget = await realPathOf(target);
  if (realTarget === undefined) return;
  const input = (await realInputs(inputs)).get(realTarget);
  if (input !== undefined) throw new InputError(`refusing to overwrite input file ${input}`);
}

/** A file written whole or not at all: written to in pieces, then put in place or dropped. */
export interface AtomicFile {
  write(data: string | Uint8Array): Promise<void>;
  /** Replaces the target with what was written. */
  commit(): Promise<void>;
  /** Leaves the target as it was. */
  abort(): Promise<void>;
}

/** Links followed before giving up, as the system does (ELOOP). */
const MAX_LINKS = 40;

/**
 * What a target path comes to, its symbolic links followed: a regular file (or none yet) is
 * replaced whole; a device or a FIFO is written through, since putting a file in its place would
 * take it away (`-o /dev/null` run as root); anything else is refused.
 */
async function destinationOf(path: string): Promise<{ path: string; through: boolean }> {
  let current = path;
  for (let links = 0; links <= MAX_LINKS; links++) {
    let stats;
    try {
      stats = await lstat(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path: current, through: false };
      throw error;
    }
    if (stats.isSymbolicLink()) {
      current = resolve(dirname(current), await readlink(current));
      continue;
    }
    if (stats.isFile()) return { path: current, through: false };
    if (stats.isCharacterDevice() || stats.isFIFO()) return { path: current, through: true };
    if (stats.isDirectory()) throw new InputError('is a directory');
    throw new InputError('is neither a file, a character device nor a FIFO: refusing to write to it');
  }
  throw new InputError('too many symbolic links');
}

/** Opens a device or a FIFO for writing; a FIFO without a reader is refused rather than waited on. */
async function openThrough(path: string): Promise<FileHandle> {
  let probe: FileHandle | undefined;
  try {
    // Opening a FIFO to write blocks until it has a reader: ask without blocking first.
    probe = await open(path, constants.O_WRONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') throw new InputError('a FIFO that nobody reads');
    throw error;
  }
  try {
    return await open(path, constants.O_WRONLY);
  } finally {
    await probe.close();
  }
}

/** A device or a FIFO: written to as it goes; there is nothing to put in place or take back. */
async function throughFile(path: string): Promise<AtomicFile> {
  const handle = await openThrough(path);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    write: (data) => handle.writeFile(data),
    commit: close,
    abort: () => close().catch(() => undefined),
  };
}

/** The longest file name most file systems take, in bytes. */
const MAX_NAME_BYTES = 255;

/** `.NAME.UNIQUE.tmp`, NAME shortened when the whole would be too long a name (80 Chinese characters are 240 bytes). */
function temporaryName(name: string, unique: string): string {
  const room = MAX_NAME_BYTES - Buffer.byteLength(`..${unique}.tmp`);
  let kept = '';
  for (const character of name) {
    if (Buffer.byteLength(kept + character) > room) break;
    kept += character;
  }
  return `.${kept}.${unique}.tmp`;
}

// Temporary files being written: removed when the process is interrupted (Ctrl-C, kill) or exits
// before they are put in place (a write error on stdout ends the process at once).
const temporaries = new Set<string>();
let signalsTakenOver = false;

function removeTemporaries(): void {
  for (const path of temporaries) rmSync(path, { force: true });
  temporaries.clear();
}

/**
 * Takes over the signals that end the process, so that it removes its temporary files first. Done
 * before the first temporary file is created: a kill just after the file appears (as when a batch
 * is stopped as soon as it begins writing) must not meet the default action, which would leave it.
 */
function removeTemporariesOnSignals(): void {
  if (signalsTakenOver) return;
  signalsTakenOver = true;
  process.once('exit', removeTemporaries);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removeTemporaries();
      // Die of the signal, as the process would have without this handler.
      process.kill(process.pid, signal);
    });
  }
}

/**
 * Opens a file to write whole or not at all: a temporary file in the target's folder (created
 * when missing); committing renames it over the target in one step, so that readers see the old
 * file or the whole new one. A symbolic link's target is written, not the link; a device or a
 * FIFO is written through.
 */
export async function openFileAtomic(target: string, { inputs = [] }: WriteOptions = {}): Promise<AtomicFile> {
  await refuseToOverwriteInputs(resolve(target), inputs);
  const destination = await destinationOf(resolve(target));
  if (destination.through) return throughFile(destination.path);
  const path = destination.path;
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  // Same folder, so the rename cannot cross file systems; dot-named and *.tmp, so it stays out of
  // sight. The name need not be unguessable (it is opened with wx), so no node:crypto at start-up.
  const temporary = join(folder, temporaryName(basename(path), `${process.pid}-${Math.random().toString(36).slice(2)}`));
  removeTemporariesOnSignals();
  // Marked for removal before it exists: a signal may come while the file is being created, before
  // the open returns. Its name is this process's and random; one that wx finds there is not ours.
  temporaries.add(temporary);
  let handle: FileHandle;
  try {
    handle = await open(temporary, 'wx');
  } catch (error) {
    temporaries.delete(temporary);
    throw error;
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  const abort = async () => {
    await close().catch(() => undefined);
    await rm(temporary, { force: true });
    temporaries.delete(temporary);
  };
  return {
    // writeFile on a handle writes all of the data at the current position: one piece after another.
    write: (data) => handle.writeFile(data),
    async commit() {
      try {
        try {
          await handle.sync();
        } finally {
          await close();
        }
        await rename(temporary, path);
        temporaries.delete(temporary);
      } catch (error) {
        await abort();
        throw error;
      }
    },
    abort,
  };
}

/** Writes the file whole or not at all (see openFileAtomic). */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const file = await openFileAtomic(target, options);
  try {
    await file.write(data);
  } catch (error) {
    await file.abort();
    throw error;
  }
  await file.commit();
}
