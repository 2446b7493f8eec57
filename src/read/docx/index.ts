// The Word reader: a .docx → the same lines as a web page (mammoth's HTML through htmlToText),
// with Word's automatic list numbers written back into the text first.

import { InputError } from '../../errors.js';
import type { Decoded } from '../../model.js';
import { htmlToText } from '../html/to-text.js';
import { writeListNumbers } from './numbering.js';

const DOCUMENT = 'word/document.xml';

async function openZip(bytes: Uint8Array) {
  const { default: JSZip } = await import('jszip');
  try {
    return await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new InputError(`a damaged Word file: ${(error as Error).message}`);
  }
}

export async function readDocx(bytes: Uint8Array, options: { name: string }): Promise<Decoded> {
  const zip = await openZip(bytes);
  const documentXml = await zip.file(DOCUMENT)?.async('string');
  if (documentXml === undefined) throw new InputError('a zip archive that is not a Word document (no word/document.xml)');
  const numberingXml = await zip.file('word/numbering.xml')?.async('string');
  const stylesXml = await zip.file('word/styles.xml')?.async('string');
  zip.file(DOCUMENT, writeListNumbers(documentXml, numberingXml, stylesXml));

  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: await zip.generateAsync({ type: 'nodebuffer' }) })).value;
  } catch (error) {
    throw new InputError(`a Word file that cannot be read: ${(error as Error).message}`);
  }
  const { text, metaHints, warnings } = htmlToText(html, { kind: 'document' });
  return { name: options.name, format: 'docx', encoding: 'utf-8', text, metaHints, warnings };
}
