import { COVER_NOTICE_TITLE, DOC_NUMBER } from '../vocabulary/disclosure.js';
import type { SourceLine } from '../model.js';
import { anyPipe } from '../table/recover.js';
import { matchMarker, spellMarker, type MarkerMatch } from '../vocabulary/markers.js';
import { ATTACHMENT, isDateLine, signingOffice } from './tail.js';
import { CLAUSE_STOPS, CLOSERS, MID_SENTENCE, SENTENCE_STOPS } from '../vocabulary/sentences.js';

// Text taken from a PDF or a fixed-width page breaks paragraphs into lines of one width. Such a
// document shows one line length far more often than any other; its full-width lines that do not
// end a sentence go on in the next line.
const MIN_WRAP_WIDTH = 15;
const MIN_LINES = 8;
const WRAPPED_SHARE = 0.4;
/**
 * A short document whose paragraphs are short too (a table flattened to a cell per line) has
 * fewer lines at the width; it is wrapped all the same when that width is its longest line: this
 * many lines at it, and next to none longer.
 */
const MIN_AT_WIDTH = 5;
const LONGER_SHARE = 0.05;
/** A line that ends a sentence, a clause, a quotation or a table row goes on with nothing. */
const SENTENCE_END = new RegExp(`[${SENTENCE_STOPS}${CLAUSE_STOPS}${CLOSERS}|]$`);

function wrapWidth(lines: SourceLine[], hasPipes: boolean): number | null {
  const long = lines.filter((l) => l.text.length >= MIN_WRAP_WIDTH && !(hasPipes && l.text.includes('|')));
  if (long.length < MIN_LINES) return null;
  const counts = new Map<number, number>();
  for (const l of long) counts.set(l.text.length, (counts.get(l.text.length) ?? 0) + 1);
  const [width] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  const near = long.filter((l) => Math.abs(l.text.length - width) <= 1).length;
  if (near / long.length >= WRAPPED_SHARE) return width;
  const longer = long.filter((l) => l.text.length > width + 1).length;
  return near >= MIN_AT_WIDTH && longer / long.length <= LONGER_SHARE ? width : null;
}

const isDocNumberLine = (text: string) => {
  // A number ends in 号: most lines have none, and are passed before the pattern is tried along them.
  if (!text.includes('号')) return false;
  const number = DOC_NUMBER.exec(text);
  return number !== null && text.trim().length - number[0].length <= DOC_NUMBER_EXTRA;
};
/** What may stand beside a document number on its line: 〔2021〕8号 with a 签发人 or the like. */
const DOC_NUMBER_EXTRA = 8;
/** What ends a part of a clause before the bracket closes: （牵头单位：X； */
const PART_END = new Set(['；', '：']);

/** Opening brackets less closing ones, counted by code. */
function bracketBalance(text: string): number {
  let balance = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xff08 || code === 0x28) balance++;
    else if (code === 0xff09 || code === 0x29) balance--;
  }
  return balance;
}
const unbalanced = (text: string) => bracketBalance(text) > 0;
/** The quick test first: most lines hold no closing bracket. */
const closes = (text: string) => (text.includes('）') || text.includes(')')) && bracketBalance(text) < 0;

/**
 * Whether a line starting with an inline list's next ordinal goes on the paragraph before it: the
 * list started inside that paragraph (…的原则，一是做好同步解读；/ 二是…), so a line break before its
 * next ordinal is not a new item; 一是 itself goes on a paragraph that stops on a comma.
 */
function inlineListGoesOn(marker: MarkerMatch, previous: string): boolean {
  if (marker.style !== '一是') return false;
  if (marker.ordinal === 1) return MID_SENTENCE.test(previous);
  return previous.indexOf(spellMarker(marker.style, marker.ordinal - 1), 1) > 0;
}

const IS = '是'.charCodeAt(0);
/** A line that may start with 二是 or 十二是: the quick test before its marker is read. */
const mayGoOnList = (text: string) => text.charCodeAt(1) === IS || text.charCodeAt(2) === IS;
const startsWithDigit = (text: string) => text.charCodeAt(0) >= 0x30 && text.charCodeAt(0) <= 0x39;

/** The last decimal outline number that started a line (3.1 → [3, 1]). */
type Decimal = [number, number];
const DECIMAL = /^(\d{1,2})[.．](\d{1,2})/;

/**
 * A decimal number breaking a sentence (…合计约 / 3.2亿元, …总长 / 2.5公里) is text unless it continues
 * the outline's numbering: 3.2 after 3.1, or the first sub-item x.1 of a number not yet subdivided.
 */
function decimalContinues(text: string, last: Decimal | null): boolean {
  const [, major, minor] = DECIMAL.exec(text)!.map(Number);
  if (minor === 1) return last === null || last[0] !== major;
  return last !== null && last[0] === major && last[1] === minor! - 1;
}

/**
 * Joins lines broken inside a paragraph: at a fixed wrap width, inside a bracket or after a comma,
 * or before an inline list's next ordinal. The lines of a table's cells (`cells`, by line number)
 * and table rows stay as they are (`hasPipes`: whether any line holds a “|”, when the caller knows).
 */
export function unwrap(lines: SourceLine[], cells: ReadonlySet<number> = new Set(), hasPipes = anyPipe(lines)): SourceLine[] {
  const width = wrapWidth(cells.size ? lines.filter((line) => !cells.has(line.line)) : lines, hasPipes);
  const joined: SourceLine[] = [];
  // The width test looks at the last physical line of a joined paragraph, not at the whole.
  let lastPiece = '';
  let lastDecimal: Decimal | null = null;
  /** Whether the paragraph joined last holds a “|”: then it is a row. */
  let previousPiped = false;
  for (const line of lines) {
    const previous = joined.at(-1);
    const piped = hasPipes && line.text.includes('|');
    const joinable = previous !== undefined && !cells.has(line.line) && !cells.has(previous.line) && !previousPiped && !piped;
    // The cheap tests first: most lines end a sentence, and most documents are not wrapped.
    const broken =
      joinable &&
      // A bracket left open goes on where the next line closes it, even after a ；: （牵头单位：X； / 配合单位：Y）
      ((!SENTENCE_END.test(previous.text) && ((width !== null && lastPiece.length >= width - 1) || MID_SENTENCE.test(previous.text) || unbalanced(previous.text))) ||
        (PART_END.has(previous.text.at(-1)!) && closes(line.text) && unbalanced(previous.text))) &&
      !ATTACHMENT.test(previous.text) &&
      !isDateLine(line.text, previous.text) &&
      signingOffice(line.text) === null &&
      // A notice's title and its document number are lines of their own, whatever their width.
      !COVER_NOTICE_TITLE.test(previous.text) &&
      !isDocNumberLine(line.text);
    // Only a line a sentence breaks, or one that may go on an inline list (二是…), is looked into.
    const marker = broken || (joinable && mayGoOnList(line.text)) ? matchMarker(line.text) : null;
    const continues =
      (broken && (marker === null || (marker.style === '1.1' && !decimalContinues(line.text, lastDecimal)))) ||
      (marker !== null && inlineListGoesOn(marker, previous!.text) && (broken || marker.ordinal > 1));
    if (continues) joined[joined.length - 1] = { ...previous!, text: previous!.text + line.text, lastLine: line.lastLine ?? line.line };
    else {
      joined.push(line);
      previousPiped = piped;
      if (startsWithDigit(line.text) && (marker ?? matchMarker(line.text))?.style === '1.1') lastDecimal = DECIMAL.exec(line.text)!.slice(1).map(Number) as Decimal;
    }
    lastPiece = line.text;
  }
  return joined;
}
