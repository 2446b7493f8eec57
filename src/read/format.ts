// What an input is, judged by its bytes: a Word file, a web page, or plain text. The file name
// and the HTTP Content-Type only break ties.

import { InputError } from '../errors.js';
import type { SourceFormat } from '../model.js';
import { bomLabel, startsWith } from './bom.js';

export interface FormatHints {
  name: string;
  contentType?: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

/** Files people mistake for notices, and what to tell them. */
const UNREADABLE: readonly { magic: readonly number[]; message: string }[] = [
  { magic: [0xd0, 0xcf, 0x11, 0xe0], message: 'a legacy Word .doc (OLE) file; save it as .docx' },
  { magic: [0x25, 0x50, 0x44, 0x46], message: 'a PDF file; only web pages, .docx and plain text can be read' },
  { magic: [0x89, 0x50, 0x4e, 0x47], message: 'a PNG image, not a document' },
  { magic: [0xff, 0xd8, 0xff], message: 'a JPEG image, not a document' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], message: 'an RTF file; save it as .docx' },
];

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
  const slice = bytes.subarray(0, SNIFF_BYTES);
  return bom?.startsWith('utf-16') ? new TextDecoder(bom).decode(slice) : Buffer.from(slice).toString('latin1').replace(/^\xef\xbb\xbf/, '');
}

/** Whether a zip archive holds word/document.xml (names are stored uncompressed in the headers). */
function holdsWordDocument(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes('word/document.xml', 0, 'latin1');
}

export function detectFormat(bytes: Uint8Array, hints: FormatHints): SourceFormat {
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) {
    if (holdsWordDocument(bytes)) return 'docx';
    throw new InputError('a zip archive that is not a Word document (no word/document.xml)');
  }
  const unreadable = UNREADABLE.find(({ magic }) => startsWith(bytes, magic));
  if (unreadable) throw new InputError(unreadable.message);
  if (/\.docx$/i.test(hints.name)) throw new InputError('not a Word document: a .docx file is a zip archive and this is not one');

  const start = head(bytes);
  if (HTML_START.test(start.trimStart())) return 'html';
  const saysHtml = HTML_NAME.test(hints.name.replace(/[?#].*$/, '')) || /html/i.test(hints.contentType ?? '');
  return saysHtml && HTML_TAG.test(start) ? 'html' : 'text';
}
