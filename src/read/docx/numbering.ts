// Word's automatic list numbers. They are not in the text of a .docx: Word draws them from
// numbering.xml (per list level: a start value, a number format and a pattern like “（%2）”).
// Here they are counted the way Word counts them and written into the paragraphs as text, so
// that the outline sees 一、 （一） 1. as it would in a plain-text notice.

import { load, type CheerioAPI } from 'cheerio';
import { isTag, type Element } from 'domhandler';
import { CHINESE_DIGITS, chineseCounting } from '../../vocabulary/numerals.js';

// ---- number formats (ST_NumberFormat) ----

const LEGAL_DIGITS: Record<string, string> = { 一: '壹', 二: '贰', 三: '叁', 四: '肆', 五: '伍', 六: '陆', 七: '柒', 八: '捌', 九: '玖', 十: '拾', 百: '佰', 〇: '零', 零: '零' };
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';


function enclosed(n: number, ranges: readonly [from: number, to: number, codePoint: number][]): string {
  const range = ranges.find(([from, to]) => n >= from && n <= to);
  return range ? String.fromCodePoint(range[2] + n - range[0]) : `(${n})`;
}

function letters(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const numerals: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let rest = n;
  let out = '';
  for (const [value, numeral] of numerals) while (rest >= value) [out, rest] = [out + numeral, rest - value];
  return out;
}

const cycle = (symbols: string) => (n: number): string => symbols[(n - 1) % symbols.length]!;

const NUMBER_FORMATS: Record<string, (n: number) => string> = {
  decimal: String,
  decimalZero: (n) => String(n).padStart(2, '0'),
  decimalFullWidth: (n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  decimalFullWidth2: (n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  decimalHalfWidth: String,
  decimalEnclosedCircle: (n) => enclosed(n, [[1, 20, 0x2460], [21, 35, 0x3251], [36, 50, 0x32b1]]),
  decimalEnclosedCircleChinese: (n) => enclosed(n, [[1, 20, 0x2460], [21, 35, 0x3251], [36, 50, 0x32b1]]),
  decimalEnclosedParen: (n) => enclosed(n, [[1, 20, 0x2474]]),
  decimalEnclosedFullstop: (n) => enclosed(n, [[1, 20, 0x2488]]),
  ideographEnclosedCircle: (n) => enclosed(n, [[1, 10, 0x3280]]),
  chineseCounting,
  chineseCountingThousand: chineseCounting,
  ideographDigital: (n) => String(n).replace(/\d/g, (d) => CHINESE_DIGITS[Number(d)]!),
  japaneseCounting: chineseCounting,
  taiwaneseCounting: chineseCounting,
  taiwaneseCountingThousand: chineseCounting,
  chineseLegalSimplified: (n) => chineseCounting(n).replace(/./g, (c) => LEGAL_DIGITS[c] ?? c),
  ideographLegalTraditional: (n) => chineseCounting(n).replace(/./g, (c) => LEGAL_DIGITS[c] ?? c),
  ideographTraditional: cycle(HEAVENLY_STEMS),
  ideographZodiac: cycle(EARTHLY_BRANCHES),
  upperLetter: (n) => letters(n).toUpperCase(),
  lowerLetter: letters,
  upperRoman: (n) => roman(n).toUpperCase(),
  lowerRoman: roman,
};
/** Formats that draw no number. */
const NO_NUMBER = new Set(['bullet', 'none']);

export function formatNumber(n: number, numFmt: string): string {
  return (NUMBER_FORMATS[numFmt] ?? String)(n);
}

// ---- numbering.xml and styles.xml ----

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  /** “Legal” numbering: every number in the pattern is drawn decimal. */
  isLgl: boolean;
  /** w:lvlRestart: 0 = never restart after a higher level. */
  restart?: number;
  paragraphStyle?: string;
}

interface AbstractNum {
  levels: Map<number, Level>;
  numStyleLink?: string;
}

interface Num {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

interface Style {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

const val = ($: CheerioAPI, element: Element, selector: string): string | undefined =>
  $(element).children(selector).first().attr('w:val');

function readLevel($: CheerioAPI, lvl: Element): Level {
  const restart = val($, lvl, 'w\\:lvlRestart');
  const isLgl = $(lvl).children('w\\:isLgl');
  return {
    start: Number(val($, lvl, 'w\\:start') ?? 1),
    numFmt: val($, lvl, 'w\\:numFmt') ?? 'decimal',
    lvlText: val($, lvl, 'w\\:lvlText') ?? '',
    isLgl: isLgl.length > 0 && !['0', 'false', 'off'].includes(isLgl.attr('w:val') ?? 'true'),
    restart: restart === undefined ? undefined : Number(restart),
    paragraphStyle: val($, lvl, 'w\\:pStyle'),
  };
}

const levelsOf = ($: CheerioAPI, parent: Element): Map<number, Level> =>
  new Map($(parent).children('w\\:lvl').toArray().map((lvl) => [Number(lvl.attribs['w:ilvl'] ?? 0), readLevel($, lvl)]));

class Numbering {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, Num>();
  private readonly styles = new Map<string, Style>();

  constructor(numberingXml: string | undefined, stylesXml: string | undefined) {
    if (numberingXml) {
      const $ = load(numberingXml, { xml: true });
      for (const abstract of $('w\\:abstractNum').toArray()) {
        this.abstracts.set(abstract.attribs['w:abstractNumId'] ?? '', { levels: levelsOf($, abstract), numStyleLink: val($, abstract, 'w\\:numStyleLink') });
      }
      for (const num of $('w\\:num').toArray()) {
        const overrides = $(num).children('w\\:lvlOverride').toArray();
        this.nums.set(num.attribs['w:numId'] ?? '', {
          abstractId: val($, num, 'w\\:abstractNumId') ?? '',
          starts: new Map(overrides.flatMap((o) => {
            const start = val($, o, 'w\\:startOverride');
            return start === undefined ? [] : [[Number(o.attribs['w:ilvl'] ?? 0), Number(start)]];
          })),
          levels: new Map(overrides.flatMap((o) => [...levelsOf($, o)].map(([, level]) => [Number(o.attribs['w:ilvl'] ?? 0), level] as const))),
        });
      }
    }
    if (stylesXml) {
      const $ = load(stylesXml, { xml: true });
      for (const style of $('w\\:style').toArray()) {
        const numPr = $(style).children('w\\:pPr').children('w\\:numPr').first();
        const ilvl = numPr.children('w\\:ilvl').attr('w:val');
        this.styles.set(style.attribs['w:styleId'] ?? '', {
          basedOn: val($, style, 'w\\:basedOn'),
          numId: numPr.children('w\\:numId').attr('w:val'),
          ilvl: ilvl === undefined ? undefined : Number(ilvl),
        });
      }
    }
  }

  /** The abstract list behind a w:num, following numStyleLink through the styles. */
  abstractOf(numId: string, seen = new Set<string>()): { id: string; abstract: AbstractNum } | null {
    const num = this.nums.get(numId);
    const abstract = num && this.abstracts.get(num.abstractId);
    if (!num || !abstract || seen.has(numId)) return null;
    seen.add(numId);
    const linked = abstract.numStyleLink && this.styles.get(abstract.numStyleLink)?.numId;
    return linked ? this.abstractOf(linked, seen) : { id: num.abstractId, abstract };
  }

  num(numId: string): Num | undefined {
    return this.nums.get(numId);
  }

  /** The level of a list that names the paragraph style as its own (w:pStyle in w:lvl). */
  private levelOfStyle(numId: string, styleId: string): number | undefined {
    const levels = this.abstractOf(numId)?.abstract.levels ?? new Map<number, Level>();
    return [...levels].find(([, level]) => level.paragraphStyle === styleId)?.[0];
  }

  /** The list a paragraph style puts its paragraphs in (Heading 1 numbered 一、), through basedOn. */
  styleNumbering(styleId: string): { numId: string; ilvl?: number } | null {
    const seen = new Set<string>();
    for (let id: string | undefined = styleId; id && !seen.has(id); id = this.styles.get(id)?.basedOn) {
      seen.add(id);
      const style = this.styles.get(id);
      if (style?.numId) return { numId: style.numId, ilvl: style.ilvl ?? this.levelOfStyle(style.numId, id) };
    }
    return null;
  }
}

// ---- counting through the document ----

/** Counts list items in document order, as Word does, and gives each its marker text. */
class ListCounter {
  /** Current value per level, per list; undefined = not yet used since the last restart. */
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(private readonly numbering: Numbering) {}

  marker(numId: string, ilvl: number): string | null {
    const found = this.numbering.abstractOf(numId);
    const num = this.numbering.num(numId);
    if (!found || !num) return null;
    const levelAt = (k: number): Level | undefined => num.levels.get(k) ?? found.abstract.levels.get(k);
    const level = levelAt(ilvl);
    if (!level || NO_NUMBER.has(level.numFmt)) return null;

    // Lists that override a start value count on their own; the others share their abstract list's count.
    const key = num.starts.size || num.levels.size ? `num:${numId}` : `abstract:${found.id}`;
    const values = this.counters.get(key) ?? [];
    this.counters.set(key, values);
    const startAt = (k: number): number => num.starts.get(k) ?? levelAt(k)?.start ?? 1;
    values[ilvl] = values[ilvl] === undefined ? startAt(ilvl) : values[ilvl]! + 1;
    for (let deeper = ilvl + 1; deeper < values.length; deeper++) {
      if (levelAt(deeper)?.restart !== 0) values[deeper] = undefined;
    }
    return level.lvlText.replace(/%([1-9])/g, (_, digit: string) => {
      const k = Number(digit) - 1;
      const format = level.isLgl ? 'decimal' : (levelAt(k)?.numFmt ?? 'decimal');
      return formatNumber(values[k] ?? startAt(k), format);
    });
  }
}

const childNamed = (element: Element, name: string): Element | undefined =>
  element.children.find((child): child is Element => isTag(child) && child.name === name);

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * document.xml with each numbered paragraph's marker written in as its first run. The edits are
 * made in the original text (no re-serialising), so everything else stays byte for byte.
 */
export function writeListNumbers(documentXml: string, numberingXml: string | undefined, stylesXml: string | undefined): string {
  if (!numberingXml) return documentXml;
  const numbering = new Numbering(numberingXml, stylesXml);
  const counter = new ListCounter(numbering);
  const $ = load(documentXml, { xml: { xmlMode: true, withStartIndices: true, withEndIndices: true } });
  const insertions: { at: number; text: string }[] = [];
  for (const paragraph of $('w\\:body w\\:p').toArray()) {
    // Children looked up directly: a cheerio selector per paragraph made 20,000 list items take seconds.
    const pPr = childNamed(paragraph, 'w:pPr');
    const numPr = pPr && childNamed(pPr, 'w:numPr');
    const styleId = pPr && childNamed(pPr, 'w:pStyle')?.attribs['w:val'];
    const fromStyle = styleId ? numbering.styleNumbering(styleId) : null;
    const numId = (numPr && childNamed(numPr, 'w:numId')?.attribs['w:val']) ?? fromStyle?.numId;
    if (!numId || numId === '0') continue;
    const ownLevel = numPr && childNamed(numPr, 'w:ilvl')?.attribs['w:val'];
    const ilvl = Number(ownLevel ?? fromStyle?.ilvl ?? 0);
    const marker = counter.marker(numId, ilvl);
    if (!marker || paragraph.endIndex === null || paragraph.startIndex === null) continue;
    const at = pPr ? pPr.endIndex! + 1 : documentXml.indexOf('>', paragraph.startIndex) + 1;
    if (documentXml[at - 2] === '/' && !pPr) continue; // <w:p/>: an empty item has no text to number
    insertions.push({ at, text: `<w:r><w:t xml:space="preserve">${escapeXml(marker)}</w:t></w:r>` });
  }
  // Pieces joined once: splicing each marker into the whole text was quadratic in the paragraphs.
  const pieces: string[] = [];
  let copied = 0;
  for (const { at, text } of insertions) {
    pieces.push(documentXml.slice(copied, at), text);
    copied = at;
  }
  pieces.push(documentXml.slice(copied));
  return pieces.join('');
}
