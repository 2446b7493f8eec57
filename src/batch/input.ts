import { basename } from 'node:path';
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

/** An input's ledger: parsed from the notice, or read as it is when the input is a ledger (.json). */
export async function readLedger(file: string): Promise<Ledger> {
  const { ledgerOfInput } = await import('../read/ledger-json.js');
  return ledgerOfInput(await readInput(file), { name: sourceName(file) });
}
