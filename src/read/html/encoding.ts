// The encoding of a page: the user's --encoding, then a BOM, then the HTTP charset, then
// <meta charset> / http-equiv in the head (a meta tag inside the body is not the page's
// encoding — Word pastes them there), then detection.

import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import type { Warning } from '../../model.js';
import { bomLabel } from '../bom.js';
import { decodeText } from '../decode-text.js';

export interface DecodeHtmlOptions {
  name: string;
  encoding?: string;
  contentType?: string;
}

export interface DecodedHtml {
  html: string;
  encoding: string;
  warnings: Warning[];
}

/** Where the head ends: </head>, <body>, or the first element that only a body holds. */
const HEAD_END = /<\/head\s*>|<body[\s>]|<(?:div|p|table|span|h[1-6]|ul|ol|section|article|center|font|a|br|td|tr)[\s>/]/i;
const HEAD_SCAN_BYTES = 256 * 1024;
const CHARSET = /charset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The charset a <meta> tag in the page's head declares, comments and scripts skipped. */
export function headCharset(bytes: Uint8Array): string | null {
  const prefix = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, HEAD_SCAN_BYTES))
    .toString('latin1')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
  const end = prefix.search(HEAD_END);
  const head = end < 0 ? prefix : prefix.slice(0, end);
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const charset = CHARSET.exec(tag)?.[1];
    if (charset) return charset;
  }
  return null;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null; // not an encoding label the WHATWG standard knows
  }
}

const hasNonAscii = (bytes: Uint8Array): boolean => bytes.some((b) => b >= 0x80);

export function decodeHtml(bytes: Uint8Array, options: DecodeHtmlOptions): DecodedHtml {
  const warnings: Warning[] = [];
  const detect = (): DecodedHtml => {
    const { text, encoding } = decodeText(bytes, { name: options.name, encoding: options.encoding });
    return { html: text, encoding, warnings };
  };
  if (options.encoding) return detect();

  const bom = bomLabel(bytes);
  const declared = bom ?? (options.contentType ? CHARSET.exec(options.contentType)?.[1] : undefined) ?? headCharset(bytes);
  if (!declared) return detect();
  const decoder = decoderFor(declared);
  if (!decoder) {
    warnings.push({ code: 'unknown-charset', message: `the page declares an unknown charset “${declared}”`, line: null });
    return detect();
  }
  if (!bom && decoder.encoding !== 'utf-8' && hasNonAscii(bytes) && isUtf8(bytes)) {
    // a template's stale declaration: bytes that are valid UTF-8 are never GBK or Big5 text
    warnings.push({ code: 'charset-mismatch', message: `the page declares ${declared} but is UTF-8`, line: null });
    return { html: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', warnings };
  }
  if (!bom && decoder.encoding === 'utf-8' && !isUtf8(bytes)) {
    warnings.push({ code: 'charset-mismatch', message: `the page declares ${declared} but is not UTF-8`, line: null });
    return detect();
  }
  if (decoder.encoding === 'windows-1252' && hasNonAscii(bytes)) {
    // iso-8859-1, the servers' default: Chinese text is never in it
    warnings.push({ code: 'charset-mismatch', message: `the page declares ${declared}, which cannot hold Chinese text`, line: null });
    return detect();
  }
  return { html: decoder.decode(bytes), encoding: decoder.encoding, warnings };
}
