// PDF fonts often map a glyph to a radical code point instead of the ideograph it draws: 工 comes
// out as ⼯ (a Kangxi radical, U+2F2F) and 民 as ⺠ (a CJK radical supplement form, U+2EA0).

/** CJK radical supplement forms that fonts use for whole simplified characters. */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺁': '厂', '⺇': '几', '⺟': '母', '⺠': '民', '⺩': '王', '⻁': '虎', '⻄': '西', '⻅': '见', '⻆': '角',
  '⻉': '贝', '⻊': '足', '⻋': '车', '⻓': '长', '⻔': '门', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风',
  '⻜': '飞', '⻝': '食', '⻑': '長', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄',
  '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
};

/**
 * Characters a CJK font draws with the glyph of another, whose code point a PDF then reports:
 * the dash of 5月20日—8月30日 comes out as a horizontal bar, 户 as its traditional form 戶 (which
 * the text of a ledger, simplified, would become anyway).
 */
const GLYPH_TWINS: Record<string, string> = { '―': '—', '戶': '户' };

const FOLDED = /[\u2e80-\u2eff\u2f00-\u2fdf―戶]/g;

/** Radicals → the unified ideographs (the Kangxi block by NFKC, the supplement by a table), glyph twins → the common character. */
export function foldRadicals(text: string): string {
  return text.replace(FOLDED, (char) => RADICAL_SUPPLEMENT[char] ?? GLYPH_TWINS[char] ?? char.normalize('NFKC'));
}
