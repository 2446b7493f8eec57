const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

// The same by character code: a look-up by a one-character string made a string of each
// character first, and a marker's numeral is read on every numbered line.
const DIGIT_BY_CODE = new Map<number, number>(Object.entries(DIGITS).map(([ch, value]) => [ch.charCodeAt(0), value]));
const UNIT_BY_CODE = new Map<number, number>(Object.entries(UNITS).map(([ch, value]) => [ch.charCodeAt(0), value]));

/** 十七 → 17, 二十一 → 21, 一百零三 → 103; NaN when the text is not a Chinese numeral. */
export function chineseNumber(text: string): number {
  let total = 0;
  let digit = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = DIGIT_BY_CODE.get(code);
    if (value !== undefined) {
      digit = value;
      continue;
    }
    const unit = UNIT_BY_CODE.get(code);
    if (unit === undefined) return NaN;
    total += (digit || 1) * unit;
    digit = 0;
  }
  return total + digit;
}

/** A zero as typed or scanned among Chinese digits: 二0二三, 二O二三. */
const ZERO_LOOKALIKES: Record<string, number> = { '0': 0, O: 0, Ｏ: 0 };

/** The zeros of a year written digit by digit in Chinese (二〇二三, 二零二三, 二O二三): for a character class. */
export const YEAR_ZEROS = ['零', '〇', '○', ...Object.keys(ZERO_LOOKALIKES)].join('');

/** The characters a year written digit by digit in Chinese is made of (二〇二三, 二O二三): for a character class. */
export const YEAR_DIGITS = [...Object.keys(DIGITS).filter((ch) => ch !== '两'), ...Object.keys(ZERO_LOOKALIKES)].join('');

/** A date as a notice writes it, in figures or Chinese digits (2023年3月5日, 二〇二三年三月五日): a pattern's source. */
export const WRITTEN_DATE = `(?:\\d{4}|[${YEAR_DIGITS}]{4})\\s*年\\s*[\\d一二三四五六七八九十]{1,3}\\s*月\\s*[\\d一二三四五六七八九十]{1,3}\\s*日`;

/** Year digits written in Chinese, digit by digit: 二〇一九 → 2019. */
export function chineseDigits(text: string): number {
  let value = 0;
  for (const ch of text) {
    const digit = DIGITS[ch] ?? ZERO_LOOKALIKES[ch];
    if (digit === undefined) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

export const CHINESE_DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 15 → 十五, 21 → 二十一, 105 → 一百零五. */
export function chineseCounting(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n]!;
  if (n < 100) {
    const [tens, ones] = [Math.floor(n / 10), n % 10];
    return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones ? CHINESE_DIGITS[ones] : ''}`;
  }
  if (n < 1000) {
    const [hundreds, rest] = [Math.floor(n / 100), n % 100];
    const tail = rest === 0 ? '' : rest < 10 ? `零${CHINESE_DIGITS[rest]}` : rest < 20 ? `一${chineseCounting(rest)}` : chineseCounting(rest);
    return `${CHINESE_DIGITS[hundreds]}百${tail}`;
  }
  return String(n);
}

/** Chinese numeral for an ordinal, for messages: 13 → 十三 (past 99 in Arabic digits). */
export function toChineseNumber(n: number): string {
  return n >= 1 && n < 100 ? chineseCounting(n) : String(n);
}
