import { CodeUnitBuffer } from './code-units.js';

// Chinese text uses full-width punctuation; pasted and converted notices mix in half-width marks.
// A half-width mark becomes full-width unless it sits between two half-width letters or digits
// (1,000 / 20:37 / a:b stay as they are).
const WIDE: Record<string, string> = {
  ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）',
};

/** The half-width marks made full-width. */
export const HALF_WIDTH_MARKS = Object.keys(WIDE).join('');

const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g;
/** The full-width offset: Ａ (U+FF21) is A (U+0041) + 0xfee0. */
const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * Full-width digits and Latin letters as half-width ones: some notices write their dates and
 * numbers full-width (２０２１年３月底前, １．), and a ledger is read and searched with ASCII digits.
 */
export function narrowAlnum(text: string): string {
  return text.replace(FULL_WIDTH_ALNUM, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET));
}

/** Private-use characters: dropped, but after a digit they were a separator (1\ue010深入 → 1 深入). */
const PRIVATE_USE = /[\ue000-\uf8ff]+/g;

const isAlnum = (code: number) => (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);

/** WIDE by character code, for the scan below (0: no such mark). */
const WIDE_UNIT = new Uint16Array(0x40);
for (const [mark, wide] of Object.entries(WIDE)) WIDE_UNIT[mark.charCodeAt(0)] = wide.charCodeAt(0);

/** A changed line is written here. */
const buffer = new CodeUnitBuffer();

export function normalisePunctuation(text: string): string {
  // A scan by character code: most lines have no half-width mark, and are returned as they are.
  let out: Uint16Array | null = null;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x3f) continue;
    const wide = WIDE_UNIT[code]!;
    if (wide === 0) continue;
    const bracket = code === 0x28 || code === 0x29;
    if (!bracket && isAlnum(text.charCodeAt(i - 1)) && isAlnum(text.charCodeAt(i + 1))) continue;
    out ??= buffer.copyOf(text);
    out[i] = wide;
  }
  return out === null ? text : buffer.text(text.length);
}

/** Chinese text and its punctuation, quotes included: a space beside them is no word gap. */
const isChineseText = (code: number) =>
  (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef) || (code >= 0x2018 && code <= 0x201f);

/** Inline white space. Not \s: it would also take U+2029, which separates the paragraphs of one table cell. */
export const INLINE_SPACES =
  ' \t\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff';
const INLINE_SPACE = new RegExp(`[${INLINE_SPACES}]+`, 'g');

const SPACE_OR_PRIVATE = new RegExp(`[${INLINE_SPACES}\\ue000-\\uf8ff]`);

/** White space and private-use characters: trimmed, runs folded, gone next to Chinese text. */
export function normaliseSpace(text: string): string {
  if (!SPACE_OR_PRIVATE.test(text)) return text;
  const folded = text
    .replace(PRIVATE_USE, (_run, at: number) => (/\d/.test(text[at - 1] ?? '') ? ' ' : ''))
    .replace(INLINE_SPACE, ' ')
    .trim();
  // Runs are single spaces now: each goes when Chinese text stands on either side of it. The
  // pieces are joined at the end, into one flat string (see normalisePunctuation).
  const pieces: string[] = [];
  let copied = 0;
  for (let i = folded.indexOf(' '); i !== -1; i = folded.indexOf(' ', i + 1)) {
    if (!isChineseText(folded.charCodeAt(i - 1)) && !isChineseText(folded.charCodeAt(i + 1))) continue;
    pieces.push(folded.slice(copied, i));
    copied = i + 1;
  }
  if (copied === 0) return folded;
  pieces.push(folded.slice(copied));
  return pieces.join('');
}
