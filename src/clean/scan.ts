import { SUSPECT_CHARS } from './mojibake.js';
import { TONED } from './pinyin.js';
import { HALF_WIDTH_MARKS, INLINE_SPACES } from './punctuation.js';
import { TRADITIONAL_CHARS } from './traditional-chars.js';

// One look at each character of the input tells which of the cleaning steps a line needs at all:
// most lines of a notice have no half-width mark, no stray space, nothing garbled.
export const HALF_WIDTH_MARK = 1;
export const SPACE = 2;
export const MAY_BE_GARBLED = 4;
export const OPENS_BRACKET = 8;
export const TRADITIONAL = 16;
/** A Latin letter with a tone mark (ā, é): with a bracket, maybe a pinyin annotation. */
export const TONED_LETTER = 32;
/** A full-width digit or Latin letter (２０２１年３月, １．): written half-width. */
export const FULL_WIDTH_ALNUM = 64;
/**
 * A CJK compatibility ideograph (U+F900–U+FAFF, or U+2F800–U+2FA1F by its high surrogate): the only
 * characters OpenCC's normalisation step changes, so only a line with one needs that step.
 */
export const COMPATIBILITY_IDEOGRAPH = 128;
/** A “|”: the line may be a table row (a notice with none anywhere has no rows to look for). */
export const PIPE = 256;
/** A tab: the line may be a row of a table pasted with tabs between its cells. */
export const TAB = 512;

const FLAGS = new Uint16Array(0x10000);
const flag = (chars: string, bit: number) => {
  for (const ch of chars) FLAGS[ch.charCodeAt(0)]! |= bit;
};
flag(HALF_WIDTH_MARKS, HALF_WIDTH_MARK);
flag('(（', OPENS_BRACKET);
flag('|', PIPE);
flag('\t', TAB);
flag(INLINE_SPACES, SPACE);
for (let code = 0xe000; code <= 0xf8ff; code++) FLAGS[code]! |= SPACE; // private use: dropped with the spaces
flag(SUSPECT_CHARS, MAY_BE_GARBLED);
flag(TONED, TONED_LETTER);
for (const [from, to] of [[0xff10, 0xff19], [0xff21, 0xff3a], [0xff41, 0xff5a]] as const) for (let code = from; code <= to; code++) FLAGS[code]! |= FULL_WIDTH_ALNUM;
for (let code = 0xf900; code <= 0xfaff; code++) FLAGS[code]! |= COMPATIBILITY_IDEOGRAPH;
FLAGS[0xd87e]! |= COMPATIBILITY_IDEOGRAPH;
for (const ch of TRADITIONAL_CHARS) {
  const code = ch.codePointAt(0)!;
  // A character beyond the BMP marks its whole surrogate range: the converter then looks closer.
  FLAGS[code < 0x10000 ? code : 0xd800 + ((code - 0x10000) >> 10)]! |= TRADITIONAL;
}

/** The flags above TAB are given out one by one, to the characters a chrome rule's every match holds. */
let nextKeyFlag = TAB << 1;
const LAST_FLAG = 0x8000;

/**
 * A flag of its own for these characters (one of which every match of a chrome rule holds): the
 * scan then tells which lines the rule need not be tried on, at no cost of its own.
 */
export function keyFlag(chars: string): number {
  if (nextKeyFlag > LAST_FLAG) throw new Error('scan: no flag left for more chrome keys');
  const bit = nextKeyFlag;
  nextKeyFlag <<= 1;
  flag(chars, bit);
  return bit;
}

/** The flags of a whole text, its lines together. */
export function flagsOf(text: string): number {
  let flags = 0;
  for (let i = 0; i < text.length; i++) flags |= FLAGS[text.charCodeAt(i)]!;
  return flags;
}

export interface ScannedLine {
  text: string;
  /** What the line holds: the flags above. */
  flags: number;
}

/** The lines of a text (\n, \r\n or \r), each with its flags, the flags of all lines together, and the Han count. */
export function scanLines(text: string): { lines: ScannedLine[]; flags: number; han: number } {
  const lines: ScannedLine[] = [];
  let start = 0;
  let flags = 0;
  let all = 0;
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) {
      lines.push({ text: text.slice(start, i), flags });
      all |= flags;
      if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      start = i + 1;
      flags = 0;
      continue;
    }
    flags |= FLAGS[code]!;
    if (code >= 0x4e00 && code <= 0x9fff) han++;
  }
  lines.push({ text: text.slice(start), flags });
  return { lines, flags: all | flags, han };
}
