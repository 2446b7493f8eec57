// A workbook is a zip. Its central directory tells how large each part unpacks before anything is
// unpacked: a zip bomb is refused there, not found out by running out of memory. The parts a
// returned sheet needs are then unpacked with node:zlib, which loads in no time (exceljs takes
// most of a second to load: more than an import may take).
import { inflateRawSync } from 'node:zlib';
import { InputError } from '../errors.js';

/** Far above any returned sheet (a thousand-row workbook unpacks to a few MB). */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 10_000;
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const ENTRY_HEADER_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;
/** A size that does not fit 32 bits: the real one is in a ZIP64 record, and is huge. */
const ZIP64_MARK = 0xffffffff;
const STORED = 0;
const DEFLATED = 8;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

/**
 * The entries of the zip's central directory; throws unless it is sound and its parts unpack to
 * a sane size.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last thing in the file, followed by a comment of up to 64 KiB.
  let end = -1;
  for (let at = bytes.length - END_RECORD_SIZE; at >= Math.max(0, bytes.length - END_RECORD_SIZE - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end === -1) throw new InputError('not an xlsx workbook (not a zip archive)');
  const count = view.getUint16(end + 10, true);
  if (count > MAX_ENTRIES) throw new InputError(`refused: a workbook of ${count} parts`);
  const entries: ZipEntry[] = [];
  let unpacked = 0;
  for (let index = 0, at = view.getUint32(end + 16, true); index < count; index++) {
    if (at + ENTRY_HEADER_SIZE > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) {
      throw new InputError('not an xlsx workbook (broken zip directory)');
    }
    const size = view.getUint32(at + 24, true);
    unpacked += size;
    if (size === ZIP64_MARK || unpacked > MAX_UNPACKED_BYTES) {
      throw new InputError(`refused: unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB (a zip bomb?)`);
    }
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: Buffer.from(bytes.subarray(at + ENTRY_HEADER_SIZE, at + ENTRY_HEADER_SIZE + nameLength)).toString('utf8'),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size,
      localHeader: view.getUint32(at + 42, true),
    });
    at += ENTRY_HEADER_SIZE + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** The unpacked bytes of an entry, never more than the directory said. */
export function unpack(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeader;
  if (at + LOCAL_HEADER_SIZE > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) {
    throw new InputError(`not an xlsx workbook (broken zip entry ${entry.name})`);
  }
  const start = at + LOCAL_HEADER_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === STORED) return Buffer.from(data);
  if (entry.method !== DEFLATED) throw new InputError(`not an xlsx workbook (zip method ${entry.method})`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch {
    throw new InputError(`not an xlsx workbook (zip entry ${entry.name} does not unpack)`);
  }
}
