import { mkdir, open, realpath, rename, rm } from 'node:fs/promises';
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

/**
 * Opens a temporary file in the target's folder (created when missing); committing renames it
 * over the target in one step, so that readers see the old file or the whole new one.
 */
export async function openFileAtomic(target: string, { inputs = [] }: WriteOptions = {}): Promise<AtomicFile> {
  const path = resolve(target);
  await refuseToOverwriteInputs(path, inputs);
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  // Same folder, so the rename cannot cross file systems; dot-named and *.tmp, so it stays out of
  // sight. The name need not be unguessable (it is opened with wx), so no node:crypto at start-up.
  const unique = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const temporary = join(folder, `.${basename(path)}.${unique}.tmp`);
  // A temporary file that wx found already there is not ours to remove: open before any cleanup.
  const handle = await open(temporary, 'wx');
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  const abort = async () => {
    await close().catch(() => undefined);
    await rm(temporary, { force: true });
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
