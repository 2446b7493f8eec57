import type { Decoded } from '../model.js';
import { decodeText } from './decode-text.js';
import { detectFormat } from './format.js';

export interface ReadOptions {
  /** The name the input is known by (file name, URL, or "-" for stdin). */
  name: string;
  /** Forced encoding (--encoding); otherwise detected. */
  encoding?: string;
  /** The HTTP Content-Type the input came with, if it was fetched. */
  contentType?: string;
}

/**
 * A .csv name, or a first line with commas or tabs and no full stop (a sentence with half-width
 * commas is no header row or sheet title): worth asking the CSV reader whether it holds a task header.
 */
function mayBeCsv(text: string, name: string): boolean {
  if (/\.(?:csv|tsv)$/i.test(name)) return true;
  const end = text.indexOf('\n');
  const firstLine = end < 0 ? text : text.slice(0, end);
  // Each test one pass along the line, however long it runs.
  return !firstLine.includes('。') && TWO_SEPARATORS.test(firstLine);
}
const TWO_SEPARATORS = /[,\t][^,\t]*[,\t]/;

/**
 * Bytes of one input → decoded text. The format is judged by content (see detectFormat); the
 * HTML, Word, PDF and spreadsheet readers, and the libraries they need, load only for such inputs, so that reading
 * a text file starts fast. Throws InputError when the bytes cannot be a notice.
 */
export async function read(bytes: Uint8Array, options: ReadOptions): Promise<Decoded> {
  switch (detectFormat(bytes, options)) {
    case 'html':
      return (await import('./html/index.js')).readHtml(bytes, options);
    case 'docx':
      return (await import('./docx/index.js')).readDocx(bytes, options);
    case 'pdf':
      return (await import('./pdf/index.js')).readPdf(bytes, options);
    case 'doc':
      return (await import('./doc/index.js')).readDoc(bytes, options);
    case 'xlsx':
      return (await import('./sheet/xlsx.js')).readXlsx(bytes, options);
    case 'text': {
      const { text, encoding, otherEncodingLines } = decodeText(bytes, options);
      if (mayBeCsv(text, options.name)) {
        const sheet = await (await import('./sheet/csv.js')).readCsv(text, { name: options.name, encoding });
        if (sheet) return sheet;
      }
      const warnings = (otherEncodingLines ?? []).map((line) => ({
        code: 'mixed-encoding',
        message: `this line was in another encoding than the rest of the file`,
        line,
      }));
      return { name: options.name, format: 'text', encoding, text, warnings };
    }
  }
}
