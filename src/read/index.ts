import type { Decoded } from '../model.js';
import { decodeText } from './decode-text.js';

export interface ReadOptions {
  /** The name the input is known by (file name, URL, or "-" for stdin). */
  name: string;
  /** Forced encoding (--encoding); otherwise detected. */
  encoding?: string;
}

/** Bytes of one input → decoded text. Throws InputError when the bytes cannot be a notice. */
export async function read(bytes: Uint8Array, options: ReadOptions): Promise<Decoded> {
  const { text, encoding } = decodeText(bytes, options);
  return { name: options.name, format: 'text', encoding, text, warnings: [] };
}
