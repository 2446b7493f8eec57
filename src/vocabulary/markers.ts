import type { Marker, MarkerStyle } from '../model.js';
import { chineseNumber, toChineseNumber } from './numerals.js';

const CN_DIGITS = '一二三四五六七八九十百零〇两';
const CN = `[${CN_DIGITS}]+`;
const DIGITS = '0123456789';
/** The characters from `first` to `last`. */
const charRange = (first: number, last: number) => String.fromCharCode(...Array.from({ length: last - first + 1 }, (_, i) => first + i));
const HAN_START = '(?=[\\u4e00-\\u9fff“‘《（【])';

// What may follow a bare number that is not a marker: 5月, 3个, 10项, 2016年…
const COUNTED = '年月日号时分秒个项家名次位条件批类部元万亿千百天周岁倍层级届期度人户所村镇栋套宗份张台辆吨亩米';

interface NumberingStyle {
  /** Style name: every marker of one style sits at one depth, decided by its first appearance. */
  style: MarkerStyle;
  pattern: RegExp;
  ordinal: (captured: string) => number;
  /** A bare number (1深入推进…) is only a marker where it continues a list. */
  needsSequence?: boolean;
  /** How the ordinal is written in messages. */
  spell: (n: number) => string;
  /** The characters a marker of the style may begin with: a line beginning otherwise is not tried. */
  starts: string;
}

const arabic = (s: string) => Number.parseInt(s, 10);

/**
 * The mark after a list number and what may follow it: not a digit — 1.5亿元 is a number, 1、2月份
 * two months — unless a year starts there, or after a dot a month, as items that open with their
 * limit do (1.2023年底前…, 2.11月中旬前…, 3、2023年起…).
 */
export const DOT_MARK = '[.．](?:(?!\\d)|(?=\\d{4}年|\\d{1,2}月))';
export const LIST_MARK = `(?:${DOT_MARK}|、(?:(?!\\d)|(?=\\d{4}年)))`;
const fromCodePoint = (first: number) => (s: string) => s.codePointAt(0)! - first + 1;

// Numbering styles of Chinese official documents, outermost usual depth first (contract §2.1).
export const NUMBERING_STYLES: NumberingStyle[] = [
  { style: '第X部分', pattern: new RegExp(`^第(${CN})(?:部分|章|篇)[、：:．.\\s]*`), ordinal: chineseNumber, spell: (n) => `第${toChineseNumber(n)}部分`, starts: '第' },
  { style: '一、', pattern: new RegExp(`^(${CN})\\s*(?:、|[．.](?!\\d))\\s*`), ordinal: chineseNumber, spell: (n) => `${toChineseNumber(n)}、`, starts: CN_DIGITS },
  { style: '（一）', pattern: new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*`), ordinal: chineseNumber, spell: (n) => `（${toChineseNumber(n)}）`, starts: '（(' },
  { style: '一是', pattern: new RegExp(`^(${CN})是${HAN_START}`), ordinal: chineseNumber, spell: (n) => `${toChineseNumber(n)}是`, starts: CN_DIGITS },
  // 1.1 and 1.1.1: decimal outline numbers, one style per depth.
  { style: '1.1.1', pattern: new RegExp(`^\\d{1,2}[.．]\\d{1,2}[.．](\\d{1,2})(?![\\d.．${COUNTED}])[.．、]?\\s*`), ordinal: arabic, spell: (n) => `x.x.${n}`, starts: DIGITS },
  { style: '1.1', pattern: new RegExp(`^\\d{1,2}[.．](\\d{1,2})(?![\\d.．${COUNTED}%])[、]?\\s*(?=[\\u4e00-\\u9fff“《（])`), ordinal: arabic, spell: (n) => `x.${n}`, starts: DIGITS },
  { style: '1.', pattern: new RegExp(`^(\\d{1,3})\\s*${LIST_MARK}\\s*`), ordinal: arabic, spell: (n) => `${n}.`, starts: DIGITS },
  { style: '1.', pattern: /^([\u2488-\u249b])\s*/, ordinal: fromCodePoint(0x2488), spell: (n) => `${n}.`, starts: charRange(0x2488, 0x249b) },
  { style: '1.', pattern: new RegExp(`^(\\d{1,2})(?![\\d${COUNTED}])${HAN_START}`), ordinal: arabic, needsSequence: true, spell: (n) => `${n}.`, starts: DIGITS },
  { style: '（1）', pattern: /^[（(]\s*(\d{1,3})\s*[）)]\s*/, ordinal: arabic, spell: (n) => `（${n}）`, starts: '（(' },
  { style: '（1）', pattern: /^([\u2474-\u2487])\s*/, ordinal: fromCodePoint(0x2474), spell: (n) => `（${n}）`, starts: charRange(0x2474, 0x2487) },
  { style: '1）', pattern: /^(\d{1,2})\s*[）)]\s*/, ordinal: arabic, spell: (n) => `${n}）`, starts: DIGITS },
  { style: '①', pattern: /^([\u2460-\u2473])\s*/, ordinal: fromCodePoint(0x2460), spell: (n) => String.fromCodePoint(0x2460 + n - 1), starts: charRange(0x2460, 0x2473) },
];

/**
 * The order official documents usually nest their styles in, outermost first. A notice's own order
 * comes first; this one only settles two styles that first came at one depth (一、 with 1. under
 * it, later 二、 with （一） and 1. under that: 1. goes under （一）). Decimal numbers nest by their digits.
 */
const USUAL_NESTING: MarkerStyle[] = ['第X部分', '一、', '（一）', '一是', '1.', '（1）', '1）', '①'];

/** Whether a style usually stands above another (USUAL_NESTING). */
export function usuallyAbove(outer: string, inner: string): boolean {
  const at = USUAL_NESTING.indexOf(outer as MarkerStyle);
  return at !== -1 && at < USUAL_NESTING.indexOf(inner as MarkerStyle);
}

export interface MarkerMatch extends Marker {
  /** The line's text after the marker. */
  rest: string;
  needsSequence: boolean;
}

/**
 * The styles a line beginning with a character may be numbered in: by its code, the place of its
 * list in STYLE_LISTS (0: none). Most lines need none tried; an array lookup, not a Map's.
 */
const STYLE_LIST_AT = new Uint8Array(0x10000);
const STYLE_LISTS: NumberingStyle[][] = [[]];
for (const style of NUMBERING_STYLES) {
  for (const start of style.starts) {
    const code = start.charCodeAt(0);
    if (STYLE_LIST_AT[code] === 0) STYLE_LIST_AT[code] = STYLE_LISTS.push([]) - 1;
    STYLE_LISTS[STYLE_LIST_AT[code]!]!.push(style);
  }
}

/** The numbering marker a line starts with, if any. */
export function matchMarker(line: string): MarkerMatch | null {
  for (const style of STYLE_LISTS[STYLE_LIST_AT[line.charCodeAt(0)] ?? 0]!) {
    const m = style.pattern.exec(line);
    if (!m) continue;
    const ordinal = style.ordinal(m[1]!);
    if (!Number.isFinite(ordinal) || ordinal < 1) continue;
    const rest = line.slice(m[0].length).trim();
    if (!rest) continue;
    return { text: m[0].trim(), style: style.style, ordinal, rest, needsSequence: style.needsSequence ?? false };
  }
  return null;
}

/** How a marker of a style with an ordinal is written, for warnings. */
export function spellMarker(style: string, ordinal: number): string {
  return NUMBERING_STYLES.find((s) => s.style === style)?.spell(ordinal) ?? `${style}#${ordinal}`;
}
