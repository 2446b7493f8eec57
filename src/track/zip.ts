// A workbook is a zip: its central directory tells how large each part unpacks, before anything
// is unpacked. A zip bomb is refused there, not found out by running out of memory.
import { InputError } from '../errors.js';

/** Far above any returned sheet (a thousand-row workbook unpacks to a few MB). */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 10_000;
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_SIZE = 22;
const ENTRY_HEADER_SIZE = 46;
/** A size that does not fit 32 bits: the real one is in a ZIP64 record, and is huge. */
const ZIP64_MARK = 0xffffffff;

/** Throws unless the zip's central directory is sound and its parts unpack to a sane size. */
export function checkZipSizes(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last thing in the file, followed by a comment of up to 64 KiB.
  let end = -1;
  for (let at = bytes.length - END_RECORD_SIZE; at >= Math.max(0, bytes.length - END_RECORD_SIZE - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end === -1) throw new InputError(`not an xlsx workbook (not a zip archive)`);
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (entries > MAX_ENTRIES) throw new InputError(`refused: a workbook of ${entries} parts`);
  let unpacked = 0;
  for (let index = 0; index < entries; index++) {
    if (at + ENTRY_HEADER_SIZE > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) {
      throw new InputError(`not an xlsx workbook (broken zip directory)`);
    }
    const size = view.getUint32(at + 24, true);
    unpacked += size;
    if (size === ZIP64_MARK || unpacked > MAX_UNPACKED_BYTES) {
      throw new InputError(`refused: unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB (a zip bomb?)`);
    }
    at += ENTRY_HEADER_SIZE + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}
