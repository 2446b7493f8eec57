// Reading up to the input limit (src/limits.ts), for inputs whose size is not known beforehand.

import { InputError } from '../errors.js';
import { formatSize, getMaxInputBytes } from '../limits.js';

/** The refusal of an input past the limit. */
export function tooLarge(limit = getMaxInputBytes()): InputError {
  return new InputError(`larger than the input limit of ${formatSize(limit)} (raise it with --max-input SIZE)`);
}

/** Gathers chunks up to the input limit; throws once they would pass it. */
export class CappedBytes {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;

  constructor(private readonly limit = getMaxInputBytes()) {}

  add(chunk: Uint8Array): void {
    this.size += chunk.length;
    if (this.size > this.limit) throw tooLarge(this.limit);
    this.chunks.push(chunk);
  }

  bytes(): Uint8Array {
    return Buffer.concat(this.chunks, this.size);
  }
}

