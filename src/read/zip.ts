// Word files and workbooks are zips. The central directory tells how large each part unpacks
// before anything is unpacked: a zip bomb is refused there, by the reader that asks (a Word file,
// a notice's workbook, a returned sheet), not found out by running out of memory. Parts are
// unpacked with node:zlib, which loads in no time, never past the size the directory declared.
import { inflateRawSync } from 'node:zlib';
import { InputError } from '../errors.js';

/** No Word file or workbook has this many parts. */
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

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

/**
 * The entries of the zip's central directory; throws unless it is sound. `kind` names the file in
 * messages (“an xlsx workbook”).
 */
export function zipEntries(bytes: Uint8Array, kind: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last thing in the file, followed by a comment of up to 64 KiB.
  let end = -1;
  for (let at = bytes.length - END_RECORD_SIZE; at >= Math.max(0, bytes.length - END_RECORD_SIZE - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end === -1) throw new InputError(`not ${kind} (not a zip archive)`);
  const count = view.getUint16(end + 10, true);
  if (count > MAX_ENTRIES) throw new InputError(`refused: ${kind} of ${count} parts`);
  const entries: ZipEntry[] = [];
  for (let index = 0, at = view.getUint32(end + 16, true); index < count; index++) {
    if (at + ENTRY_HEADER_SIZE > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) {
      throw new InputError(`not ${kind} (broken zip directory)`);
    }
    const size = view.getUint32(at + 24, true);
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

/** A fault found reading a file that is a zip inside (a Word file, a workbook), told as that file's damage. */
export function damagedFile(file: string, error: unknown): InputError {
  return new InputError(`a damaged ${file}: ${(error as Error).message}`);
}

/** The entries of a file that is a zip inside: its faults told as that file's damage. */
export function entriesOfFile(bytes: Uint8Array, file: string): ZipEntry[] {
  try {
    return zipEntries(bytes, 'a zip archive');
  } catch (error) {
    throw damagedFile(file, error);
  }
}

/** What the entries unpack to, as their directory declares (a size past 32 bits, a ZIP64 one, is endless). */
export function unpackedSize(entries: readonly ZipEntry[]): number {
  let total = 0;
  for (const entry of entries) total += entry.size === ZIP64_MARK ? Infinity : entry.size;
  return total;
}

/** The unpacked bytes of an entry, never more than the directory said. */
export function unpack(bytes: Uint8Array, entry: ZipEntry, kind: string): Buffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeader;
  if (at + LOCAL_HEADER_SIZE > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) {
    throw new InputError(`not ${kind} (broken zip entry ${entry.name})`);
  }
  const start = at + LOCAL_HEADER_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === STORED) return Buffer.from(data);
  if (entry.method !== DEFLATED) throw new InputError(`not ${kind} (zip method ${entry.method})`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch {
    throw new InputError(`not ${kind} (zip entry ${entry.name} does not unpack)`);
  }
}
