// Getting the bytes of an input named on the command line: a file, "-" for stdin, or a URL. Every
// read stops at the input limit (src/limits.ts): a device or a pipe may never end.

import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { InputError } from '../errors.js';
import { getMaxInputBytes } from '../limits.js';
import { CappedBytes, tooLarge } from './capped.js';
import type { FetchOptions } from './fetch.js';

export interface LoadedInput {
  bytes: Uint8Array;
  /** The name the input is known by: the path, the URL, or "-". */
  name: string;
  /** The HTTP Content-Type, for URLs. */
  contentType?: string;
}

export const isUrl = (input: string): boolean => /^https?:\/\//i.test(input);

/** Node's reasons for not reading a file, said plainly. */
const FILE_FAILURES: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENAMETOOLONG: 'file name too long',
  ENXIO: 'no such device',
};

async function readStdin(): Promise<Uint8Array> {
  const capped = new CappedBytes();
  try {
    for await (const chunk of process.stdin) capped.add(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  } finally {
    // An endless stdin (`yes | taizhang parse -`) is left unread, not waited for.
    process.stdin.destroy();
  }
  return capped.bytes();
}

const CHUNK_BYTES = 1024 * 1024;

/**
 * A file's bytes: a regular file whole when it is within the limit, anything else (a device, a
 * FIFO) read until its end or the limit.
 */
function readFileCapped(path: string | Buffer): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const limit = getMaxInputBytes();
    const stats = fstatSync(fd);
    if (stats.isFile()) {
      if (stats.size > limit) throw tooLarge(limit);
      // Read at once, not asynchronously: parsing runs without a break between notices, so the
      // several steps of an asynchronous read would each wait for the next notice to finish.
      return new Uint8Array(readFileSync(fd));
    }
    const capped = new CappedBytes(limit);
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const count = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (count === 0) return capped.bytes();
      capped.add(Buffer.from(chunk.subarray(0, count)));
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of a command-line argument that Node could not decode as UTF-8 (a file name in GBK,
 * say: Node puts U+FFFD for each bad byte), from the process's own command line where the system
 * has one (/proc on Linux).
 */
function rawArgument(arg: string): Buffer | undefined {
  if (!arg.includes('\uFFFD')) return undefined;
  let commandLine: Buffer;
  try {
    commandLine = readFileSync('/proc/self/cmdline');
  } catch {
    return undefined;
  }
  const raws: Buffer[] = [];
  for (let start = 0; start < commandLine.length; ) {
    const end = commandLine.indexOf(0, start);
    raws.push(commandLine.subarray(start, end < 0 ? commandLine.length : end));
    start = end < 0 ? commandLine.length : end + 1;
  }
  return raws.find((raw) => raw.toString('utf8') === arg);
}

/** Node's failure to read a file, as one plain line. */
function fileFailure(error: unknown): InputError {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  return new InputError((code && FILE_FAILURES[code]) ?? (error as Error).message);
}

/** `pathOrUrl` as bytes: a path that is not UTF-8, found in a folder (src/batch/expand.ts). */
export async function loadInput(pathOrUrl: string | Buffer, options: FetchOptions = {}): Promise<LoadedInput> {
  if (Buffer.isBuffer(pathOrUrl)) {
    try {
      return { bytes: readFileCapped(pathOrUrl), name: pathOrUrl.toString('utf8') };
    } catch (error) {
      throw fileFailure(error);
    }
  }
  if (pathOrUrl === '-') return { bytes: await readStdin(), name: '-' };
  if (isUrl(pathOrUrl)) return { ...(await (await import('./fetch.js')).fetchUrl(pathOrUrl, options)), name: pathOrUrl };
  try {
    return { bytes: readFileCapped(pathOrUrl), name: pathOrUrl };
  } catch (error) {
    const raw = (error as NodeJS.ErrnoException).code === 'ENOENT' ? rawArgument(pathOrUrl) : undefined;
    if (raw === undefined) throw fileFailure(error);
    try {
      return { bytes: readFileCapped(raw), name: pathOrUrl };
    } catch (rawError) {
      throw fileFailure(rawError);
    }
  }
}

