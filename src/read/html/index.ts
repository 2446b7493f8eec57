// The HTML reader: bytes of a web page → Decoded lines, meta hints and warnings.

import type { Decoded } from '../../model.js';
import { decodeHtml, type DecodeHtmlOptions } from './encoding.js';
import { htmlToText } from './to-text.js';

export { htmlToText, type HtmlToTextOptions, type PageText } from './to-text.js';

export function readHtml(bytes: Uint8Array, options: DecodeHtmlOptions): Decoded {
  const page = decodeHtml(bytes, options);
  const { text, lineSources, metaHints, warnings } = htmlToText(page.html);
  return { name: options.name, format: 'html', encoding: page.encoding, text, lineSources, metaHints, warnings: [...page.warnings, ...warnings] };
}
