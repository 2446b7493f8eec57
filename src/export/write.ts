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

async function refuseToOverwriteInputs(target: string, inputs: readonly string[]): Promise<void> {
  const realTarget = await realPathOf(target);
  if (realTarget === undefined) return;
  for (const input of inputs) {
    if ((await realPathOf(input)) === realTarget) {
      throw new InputError(`refusing to overwrite input file ${input}`);
    }
  }
}

/**
 * Writes the file whole or not at all: the data goes to a temporary file in the same folder,
 * which then replaces the target in one rename. Creates the folder when missing.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  { inputs = [] }: WriteOptions = {},
): Promise<void> {
  const path = resolve(target);
  await refuseToOverwriteInputs(path, inputs);
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  // Same folder, so the rename cannot cross file systems; dot-named and *.tmp, so it stays out of
  // sight. The name need not be unguessable (it is opened with wx), so no node:crypto at start-up.
  const unique = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const temporary = join(folder, `.${basename(path)}.${unique}.tmp`);
  // Outside the try: a temporary file that wx found already there is not ours to remove.
  const handle = await open(temporary, 'wx');
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
