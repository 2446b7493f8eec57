import { basename, extname } from 'node:path';
import { InputError } from '../errors.js';
import type { Ledger } from '../model.js';
import { isUrl, loadInput } from '../read/load.js';

/** The file argument that stands for standard input. */
export const STDIN = '-';

/** How an input is named in messages. */
export function inputLabel(file: string): string {
  return file === STDIN ? '<stdin>' : file;
}

/** How an input is named in its ledger's `source.name`: a URL whole, a file by its base name. */
export function sourceName(file: string): string {
  return file === STDIN || isUrl(file) ? file : basename(file);
}

/** The bytes of a file, of standard input, or of a URL. */
export async function readInput(file: string): Promise<Uint8Array> {
  return (await loadInput(file)).bytes;
}

/** A ledger written by `taizhang parse --format json`. */
function readLedgerJson(bytes: Uint8Array): Ledger {
  let document: Partial<Ledger> | null;
  try {
    document = JSON.parse(Buffer.from(bytes).toString('utf8')) as Partial<Ledger> | null;
  } catch (error) {
    throw new InputError(`not valid JSON: ${(error as Error).message}`);
  }
  if (document?.schema !== 'taizhang/1') throw new InputError('not a taizhang/1 ledger (a .json input must be one)');
  return document as Ledger;
}

/** An input's ledger: parsed from the notice, or read as it is when the input is a ledger (.json). */
export async function readLedger(file: string): Promise<Ledger> {
  const bytes = await readInput(file);
  if (extname(file).toLowerCase() === '.json') return readLedgerJson(bytes);
  const { parseBytes } = await import('../pipeline.js');
  return parseBytes(bytes, { name: sourceName(file) });
}
