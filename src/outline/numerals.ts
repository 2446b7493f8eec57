const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十七 → 17, 二十一 → 21, 一百零三 → 103; NaN when the text is not a Chinese numeral. */
export function chineseNumber(text: string): number {
  let total = 0;
  let digit = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch in UNITS) {
      total += (digit || 1) * UNITS[ch]!;
      digit = 0;
    } else return NaN;
  }
  return total + digit;
}

/** Year digits written in Chinese, digit by digit: 二〇一九 → 2019. */
export function chineseDigits(text: string): number {
  let value = 0;
  for (const ch of text) {
    const digit = DIGITS[ch];
    if (digit === undefined) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** Chinese numeral for an ordinal, for messages: 13 → 十三. */
export function toChineseNumber(n: number): string {
  const names = '零一二三四五六七八九';
  if (n < 10) return names[n]!;
  if (n < 20) return '十' + (n % 10 ? names[n % 10] : '');
  if (n < 100) return names[Math.floor(n / 10)] + '十' + (n % 10 ? names[n % 10] : '');
  return String(n);
}
