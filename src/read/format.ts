// What an input is, judged by its bytes: a PDF, a Word file (.docx or 97–2003 .doc), an Excel
// workbook, a web page, or plain text (a CSV is told from a notice once decoded). The file name
// and the HTTP Content-Type only break ties.

import { InputError } from '../errors.js';
import type { SourceFormat } from '../model.js';
import { bomLabel, startsWith, UTF8_BOM } from './bom.js';
import { CFB, EMPTY_ZIP, NOT_NOTICES, notANotice, PDF, ZIP } from './signatures.js';

export interface FormatHints {
  name: string;
  contentType?: string;
}

/** Some writers put a few bytes before %PDF-; readers look for it this far in. */
const PDF_HEADER_WINDOW = 1024;

/** The first element of a page (after a BOM, white space, a doctype or comment). */
const HTML_START =
  /^(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|head|body|meta|title|base|link|style|script|!--|p|div|span|table|br|h[1-6]|ul|ol|section|article|font|center|text|form)[\s>/]/i;
/** Tags anywhere near the start, for files that the name or Content-Type says are HTML. */
const HTML_TAG = /<\/?(?:html|body|p|div|table|br|span|td)[\s>/]/i;
const HTML_NAME = /\.(?:html?|shtml|xhtml|jsp|aspx?|php)$/i;
const SNIFF_BYTES = 4096;

/** ASCII text of the first bytes (UTF-16 decoded when it has a BOM), for sniffing markup. */
function head(bytes: Uint8Array): string {
  const bom = bomLabel(bytes);
  const end = Math.min(bytes.length, SNIFF_BYTES);
  if (bom?.startsWith('utf-16')) return new TextDecoder(bom).decode(bytes.subarray(0, end));
  // Read in place: copying the bytes first cost more than the rest of telling the format.
  return asBuffer(bytes).toString('latin1', startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0, end);
}

const asBuffer = (bytes: Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));

/** Whether a zip archive holds a part of this name (names are stored uncompressed in the headers). */
const holdsPart = (bytes: Uint8Array, part: string) => asBuffer(bytes).includes(part, 0, 'latin1');

/** Whether an OLE compound file's directory names this stream (names are UTF-16LE). */
const holdsStream = (bytes: Uint8Array, stream: string) => asBuffer(bytes).includes(stream, 0, 'utf16le');

/** What an OLE compound file (CFB) holds, by its streams. */
function compoundFormat(bytes: Uint8Array): DetectedFormat {
  if (holdsStream(bytes, 'WordDocument')) return 'doc';
  if (holdsStream(bytes, 'Workbook') || holdsStream(bytes, 'Book')) {
    throw new InputError('an Excel 97–2003 .xls workbook, which cannot be read safely; save it as .xlsx');
  }
  if (holdsStream(bytes, 'EncryptedPackage')) throw new InputError('an encrypted Office file; save it without a password');
  throw new InputError('an Office 97–2003 file that is neither a Word document nor a workbook');
}

/** What the bytes tell; a CSV is told from other text once decoded. */
export type DetectedFormat = Exclude<SourceFormat, 'csv'>;

export function detectFormat(bytes: Uint8Array, hints: FormatHints): DetectedFormat {
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) {
    if (holdsPart(bytes, 'word/document.xml')) return 'docx';
    if (holdsPart(bytes, 'xl/workbook.xml')) return 'xlsx';
    throw new InputError('a zip archive that is neither a Word document nor an Excel workbook (no word/document.xml, no xl/workbook.xml)');
  }
  if (startsWith(bytes, CFB)) return compoundFormat(bytes);
  if (asBuffer(bytes.subarray(0, PDF_HEADER_WINDOW)).includes(PDF, 0, 'latin1')) return 'pdf';
  const other = NOT_NOTICES.find(({ magic }) => startsWith(bytes, magic));
  if (other) throw new InputError(notANotice(other));
  if (/\.docx$/i.test(hints.name)) throw new InputError('not a Word document: a .docx file is a zip archive and this is not one');

  const start = head(bytes);
  if (HTML_START.test(start.trimStart())) return 'html';
  const saysHtml = HTML_NAME.test(hints.name.replace(/[?#].*$/, '')) || /html/i.test(hints.contentType ?? '');
  return saysHtml && HTML_TAG.test(start) ? 'html' : 'text';
}
