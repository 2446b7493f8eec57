// Getting the bytes of an input named on the command line: a file, "-" for stdin, or a URL.

import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { Decoded } from '../model.js';
import { fetchUrl, type FetchOptions } from './fetch.js';
import { read } from './index.js';

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
};

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return new Uint8Array(Buffer.concat(chunks));
}

export async function loadInput(pathOrUrl: string, options: FetchOptions = {}): Promise<LoadedInput> {
  if (pathOrUrl === '-') return { bytes: await readStdin(), name: '-' };
  if (isUrl(pathOrUrl)) return { ...(await fetchUrl(pathOrUrl, options)), name: pathOrUrl };
  try {
    // Read at once, not asynchronously: parsing runs without a break between notices, so the
    // several steps of an asynchronous read would each wait for the next notice to finish.
    return { bytes: new Uint8Array(readFileSync(pathOrUrl)), name: pathOrUrl };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError((code && FILE_FAILURES[code]) ?? (error as Error).message);
  }
}

/** Load and decode one input: what `taizhang parse <file|url|->` reads. */
export async function readSource(pathOrUrl: string, options: FetchOptions & { encoding?: string } = {}): Promise<Decoded> {
  const input = await loadInput(pathOrUrl, options);
  return read(input.bytes, { name: input.name, encoding: options.encoding, contentType: input.contentType });
}
