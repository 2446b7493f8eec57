// Turning the text of HTML nodes into clean lines of Chinese text.

import { removePinyin } from '../../clean/pinyin.js';
import { convertToSimplified } from '../../clean/script.js';

/** Han characters, CJK and full-width punctuation, and the quotes and dashes used with them. */
const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201f\\u2026\\u2014\\u00b7';
/** Source-code white space (a line wrap, indentation) between Chinese characters is no space. */
const WRAP_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t\\r\\n\\f\\v]+(?=[${CJK}])`, 'gu');
const HAN = /^\p{Script=Han}$/u;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Every white space except U+2029, which joins the paragraphs of one table cell. */
const WHITE_SPACE = /[^\S\u2029]+/g;


/**
 * One line of text: a line wrap of the HTML source between Chinese characters goes; any other
 * run of white space (including &nbsp; and U+3000, which people type to separate words) becomes
 * one space.
 */
export function collapseLine(raw: string): string {
  return raw
    .replace(ZERO_WIDTH, '')
    .replace(WRAP_BETWEEN_CJK, '')
    .replace(WHITE_SPACE, ' ')
    .trim();
}

/** The text with no white space at all: for header cells and labels (“工　作　任　务”, “索 引 号：”). */
export function squeeze(raw: string): string {
  return raw.replace(ZERO_WIDTH, '').replace(/\s+/g, '');
}

/**
 * A short label or header as the vocabulary writes it: no white space, no pinyin annotation,
 * simplified (“責(zé)任單位” on a traditional gateway page → 责任单位).
 */
export function labelText(raw: string): string {
  return convertToSimplified(removePinyin(squeeze(raw)));
}

/** Han characters of a text. A loop, not match(): the array of every match made pages of a million characters slow. */
export function countHan(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff) count++;
    // Elsewhere, as the pattern reads it: a surrogate pair is one character.
    else if (code >= 0x2e80) {
      const width = code >= 0xd800 && code < 0xdc00 && i + 1 < text.length ? 2 : 1;
      if (HAN.test(text.slice(i, i + width))) {
        count++;
        i += width - 1;
      }
    }
  }
  return count;
}

/** A date as written on a page (2018年11月07日, 2022-06-08 08:53, 2019/5/28) in ISO form, or null. */
export function isoDate(text: string): string | null {
  const m = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})/.exec(text);
  if (!m) return null;
  const [, y, mo, d] = m;
  return `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}
