// Turning the text of HTML nodes into clean lines of Chinese text.

/** Han characters, CJK and full-width punctuation, and the quotes and dashes used with them. */
const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201f\\u2026\\u2014\\u00b7';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'gu');
/** Space after an Arabic item number (“1.&nbsp;&nbsp;加强…”, Word's list-number padding). */
const SPACE_AFTER_ITEM_NUMBER = /^(\d{1,3}[.．、])\s+(?=\S)/u;
const CJK_CHAR = /\p{Script=Han}/gu;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Every white space except U+2029, which joins the paragraphs of one table cell. */
const WHITE_SPACE = /[^\S\u2029]+/g;

export const CELL_PARAGRAPH_SEPARATOR = '\u2029';

/**
 * One line of text: runs of white space (including &nbsp; and U+3000) become one space, and
 * spaces between Chinese characters — line wrapping in the source, padding like 工&nbsp;作 — go.
 */
export function collapseLine(raw: string): string {
  return raw
    .replace(ZERO_WIDTH, '')
    .replace(WHITE_SPACE, ' ')
    .trim()
    .replace(SPACE_BETWEEN_CJK, '')
    .replace(SPACE_AFTER_ITEM_NUMBER, '$1');
}

/** The text with no white space at all: for header cells and labels (“工　作　任　务”, “索 引 号：”). */
export function squeeze(raw: string): string {
  return raw.replace(ZERO_WIDTH, '').replace(/\s+/g, '');
}

export function countHan(text: string): number {
  return text.match(CJK_CHAR)?.length ?? 0;
}

/** A date as written on a page (2018年11月07日, 2022-06-08 08:53, 2019/5/28) in ISO form, or null. */
export function isoDate(text: string): string | null {
  const m = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})/.exec(text);
  if (!m) return null;
  const [, y, mo, d] = m;
  return `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}
