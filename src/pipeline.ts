import type { Decoded, Ledger } from './model.js';
import { read, type ReadOptions } from './read/index.js';
import { clean } from './clean/index.js';
import { outline } from './outline/index.js';
import { buildLedger } from './ledger/index.js';

/** Decoded text → ledger: every stage after reading. */
export function ledgerOf(decoded: Decoded): Ledger {
  return buildLedger(outline(clean(decoded)));
}

/** Bytes of one input → ledger. Throws InputError for input that cannot be read. */
export async function parseBytes(bytes: Uint8Array, options: ReadOptions): Promise<Ledger> {
  return ledgerOf(await read(bytes, options));
}
