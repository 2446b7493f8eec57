// The Word reader: a .docx → the same lines as a web page (mammoth's HTML through htmlToText),
// with Word's automatic list numbers written back into the text first. The archive is unpacked
// here, part by part and within a budget (a zip bomb declares, or hides, gigabytes), its XML
// re-encoded as UTF-8 when it declares another encoding, and handed to mammoth uncompressed.

import type JSZip from 'jszip';
import { InputError } from '../../errors.js';
import { formatSize, MAX_DOCX_UNPACKED_BYTES } from '../../limits.js';
import type { Decoded } from '../../model.js';
import { htmlToText } from '../html/to-text.js';
import { writeListNumbers } from './numbering.js';
import { damagedFile, entriesOfFile, unpackedSize } from '../zip.js';

const DOCUMENT = 'word/document.xml';

const damaged = (error: unknown): InputError => (error instanceof InputError ? error : damagedFile('Word file', error));

const tooLarge = (): InputError => new InputError(`a Word file that unpacks to more than ${formatSize(MAX_DOCX_UNPACKED_BYTES)}`);


/** A part's bytes, unpacked as a stream and stopped once the budget is spent, whatever its header claimed. */
function unpack(file: JSZip.JSZipObject, budget: { left: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const stream = file.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      budget.left -= chunk.length;
      if (budget.left < 0) {
        // Unread, the stream fills and stops unpacking.
        stream.pause();
        stream.removeAllListeners('data');
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (error: Error) => reject(damaged(error)));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const XML_DECLARATION = /^(\uFEFF?<\?xml[^>]*?encoding\s*=\s*["'])([\w.:-]+)(["'])/;

/** An XML part as text: in the encoding its declaration names (GBK, say), else UTF-8. */
function decodeXml(bytes: Buffer): string {
  const declared = XML_DECLARATION.exec(bytes.subarray(0, 200).toString('latin1'))?.[2];
  if (declared === undefined || /^utf-?8$/i.test(declared)) return bytes.toString('utf8');
  let text: string;
  try {
    text = new TextDecoder(declared).decode(bytes);
  } catch {
    throw new InputError(`a Word file whose XML declares an unknown encoding “${declared}”`);
  }
  // Stored back as UTF-8, so the declaration must say so.
  return text.replace(XML_DECLARATION, '$1UTF-8$3');
}

/** Every part of the archive, XML as text; the whole within the unpacking budget. */
async function unpackAll(bytes: Uint8Array): Promise<Map<string, string | Buffer>> {
  const { default: JSZip } = await import('jszip');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw damaged(error);
  }
  // What the directory declares first: a zip bomb is refused before a byte is unpacked.
  if (unpackedSize(entriesOfFile(bytes, 'Word file')) > MAX_DOCX_UNPACKED_BYTES) throw tooLarge();
  const files = Object.values(zip.files).filter((file) => !file.dir);
  const budget = { left: MAX_DOCX_UNPACKED_BYTES };
  const parts = new Map<string, string | Buffer>();
  for (const file of files) {
    const content = await unpack(file, budget);
    parts.set(file.name, /\.(?:xml|rels)$/i.test(file.name) ? decodeXml(content) : content);
  }
  return parts;
}

/**
 * A run of text right after another, its formatting dropped and its text joined to the one
 * before: only the text matters here, and mammoth takes a minute and gigabytes over a paragraph
 * of 1,000,000 one-character runs. (The pattern cannot run past one run's properties.)
 */
const NEXT_TEXT_RUN = /<\/w:t><\/w:r><w:r>(?:<w:rPr>(?:[^<]|<(?!\/w:rPr>))*<\/w:rPr>)?<w:t(?:\s[^>]*)?>/g;
const mergeRuns = (documentXml: string): string => documentXml.replace(NEXT_TEXT_RUN, '');

const LIST_PROPERTIES = /<w:numPr>(?:[^<]|<(?!\/w:numPr>))*<\/w:numPr>/g;

export async function readDocx(bytes: Uint8Array, options: { name: string }): Promise<Decoded> {
  const parts = await unpackAll(bytes);
  const documentXml = parts.get(DOCUMENT);
  if (typeof documentXml !== 'string') throw new InputError('a zip archive that is not a Word document (no word/document.xml)');
  const text = (name: string) => {
    const part = parts.get(name);
    return typeof part === 'string' ? part : undefined;
  };
  const numbered = writeListNumbers(mergeRuns(documentXml), text('word/numbering.xml'), text('word/styles.xml'));
  // The numbers are in the text now; mammoth's own lists would only cost time (half of it on 20,000 items).
  parts.set(DOCUMENT, numbered.replace(LIST_PROPERTIES, ''));

  const { default: JSZip } = await import('jszip');
  const unpacked = new JSZip();
  for (const [name, content] of parts) unpacked.file(name, content);
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: await unpacked.generateAsync({ type: 'nodebuffer' }) })).value;
  } catch (error) {
    throw new InputError(`a Word file that cannot be read: ${(error as Error).message}`);
  }
  const page = htmlToText(html, { kind: 'document' });
  return { name: options.name, format: 'docx', encoding: 'utf-8', text: page.text, lineSources: page.lineSources, metaHints: page.metaHints, warnings: page.warnings };
}
