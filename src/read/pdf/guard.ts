// Checks made on a PDF's bytes before PDF.js opens it, for what PDF.js would read on regardless: a
// file cut short (it rebuilds what it can and reads half a notice), and compressed streams that
// inflate to far more than any notice holds (it inflates them whole, into memory).

import { constants, inflateSync } from 'node:zlib';
import { InputError } from '../../errors.js';

/** A complete PDF ends with %%EOF (some writers add a few bytes of padding after it). */
const TRAILER_WINDOW = 2048;

export function checkTrailer(bytes: Uint8Array): void {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).subarray(-TRAILER_WINDOW);
  if (!tail.includes('%%EOF')) throw new InputError('a damaged PDF: the file is cut short (no %%EOF at its end)');
}

/** All compressed non-image streams of a PDF together inflate to at most this many bytes. */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;
/** How far before a stream its dictionary is looked for. */
const DICTIONARY_WINDOW = 1024;

/**
 * Inflates every Flate-compressed stream that is not an image (images are not read for text) and
 * refuses the file when together they exceed MAX_INFLATED_BYTES. Streams that do not inflate are
 * left for PDF.js to judge.
 */
export function checkStreams(bytes: Uint8Array): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let budget = MAX_INFLATED_BYTES;
  for (let at = buffer.indexOf('stream', 0, 'latin1'); at >= 0; at = buffer.indexOf('stream', at + 6, 'latin1')) {
    if (buffer[at - 1] === 0x64 /* d of endstream */) continue;
    let start = at + 6;
    if (buffer[start] === 0x0d) start++;
    if (buffer[start] !== 0x0a) continue;
    start++;
    const dictionary = buffer.toString('latin1', Math.max(0, at - DICTIONARY_WINDOW), at);
    const own = dictionary.slice(dictionary.lastIndexOf('obj') + 1);
    if (!/FlateDecode/.test(own) || /\/Subtype\s*\/Image/.test(own)) continue;
    const end = buffer.indexOf('endstream', start, 'latin1');
    if (end < 0) continue;
    budget -= inflatedSize(buffer.subarray(start, end), budget);
    if (budget < 0) throw new InputError(`a PDF whose compressed streams inflate to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB; it is damaged or hostile`);
    at = end;
  }
}

/** The inflated size of a stream, or more than the limit when it reaches it; 0 when it is no zlib stream. */
function inflatedSize(data: Buffer, limit: number): number {
  try {
    return inflateSync(data, { maxOutputLength: Math.max(1, limit), finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? limit + 1 : 0;
  }
}
