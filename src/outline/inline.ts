import type { SourceLine } from '../model.js';
import { DOT_MARK, LIST_MARK, matchMarker, type MarkerMatch } from '../vocabulary/markers.js';
import { AIMS_HEADINGS, WORK_HEADINGS } from '../vocabulary/sections.js';
import { HAN } from '../vocabulary/han.js';
import { anyPipe } from '../table/recover.js';

// Run-together text: a notice (or a section of it) that lost its line breaks, its numbering
// inline: “…制定本方案。一、工作目标……二、工作任务（一）围绕建设法治政府……1.把公开透明作为……”.
// Such a line is split at a marker only where the marker continues the numbering — the next
// ordinal of a level already open, or the first of a new level — never inside quotes, brackets
// or 《》, and never inside a number or date (the marker patterns refuse 1.5亿元, 〔2018〕35号).

/** Lines shorter than this are split only from a marker of their own (mayRunTogether). */
const RUN_TOGETHER_MIN = 120;
/**
 * Styles that are split out inline, and the characters that may stand just before them: a
 * sentence's end, a closing bracket (of a unit clause: “…[牵头单位：区卫健局]2、…”), or for the item
 * styles a heading's last character (“一、围绕改革推进公开（一）…”).
 */
const AFTER_END = '。；！？：\\s”）)\\]】';
const AFTER_END_OR_HEADING = `${AFTER_END}\\u4e00-\\u9fff`;
const INLINE_STYLES: Record<string, RegExp> = {
  '一、': new RegExp(`[${AFTER_END}]`),
  '（一）': new RegExp(`[${AFTER_END_OR_HEADING}]`),
  '1.': new RegExp(`[${AFTER_END_OR_HEADING}]`),
  '（1）': new RegExp(`[${AFTER_END}]`),
  // Only in a short line that starts with one (一是…（X负责）二是…), or after a heading glued to
  // its first item (一、明确原则一是…。二是…): elsewhere 一是 lists are text.
  '一是': new RegExp(`[${AFTER_END}]`),
};
/** A heading glued to the 一是 of its first item: a few words, no punctuation (一、明确分办原则一是…). */
const HEADING_BEFORE_LIST = /^[\u4e00-\u9fff“”《》]{2,30}$/;
/** Characters that make a word of the 一 after them (统一是, 唯一是, 第一是): no item starts there. */
const WORDS_OF_ONE = '统唯第同单万逐之专划归合不';

/**
 * Whether a 一是 at `at` starts the list of a heading glued to it: the text since `from` (the end
 * of the last marker) is a heading, with no stop in it.
 */
function listAfterHeading(text: string, from: number, at: number): boolean {
  return text.startsWith('一是', at) && !WORDS_OF_ONE.includes(text[at - 1]!) && HEADING_BEFORE_LIST.test(text.slice(from, at));
}
/** Words that make a numbered marker a reference, not an item: 第（一）项, （一）和（二）, 见1. */
const REFERENCE_BEFORE = /[第和或及与至到、见按照依据]/;
/**
 * Section headings a run-together line glues to their first sentence (“一、工作目标紧紧围绕…”):
 * split off, so that the heading is a heading (an aims section stays preamble).
 */
const SECTION_HEADINGS = new RegExp(`^(${[...AIMS_HEADINGS, ...WORK_HEADINGS].join('|')})(?=[\\u4e00-\\u9fff\\d“])`);

/** The inline markers' patterns: 一、 （一） 1. / 1、 (never the start of 1.5 or 2018.5.1). */
const NUMERAL = '[一二三四五六七八九十]{1,3}';
const SECTION_MARK = `${NUMERAL}、`;
const ITEM_MARK = `[（(]${NUMERAL}[）)]`;
const LIST_ITEM_MARK = `\\d{1,2}${LIST_MARK}`;
const IS_MARK = `${NUMERAL}是`;

/** Quotes and brackets inside which a marker is text: the closing code by the opening one (0 for no opener). */
const OPENERS = new Uint16Array(0x10000);
for (const [open, close] of '“”‘’《》（）()【】〔〕「」'.match(/../g)!) OPENERS[open!.charCodeAt(0)] = close!.charCodeAt(0);

class Numbering {
  /** The styles in order of first appearance, and each one's next ordinal. */
  private readonly order: string[] = [];
  private readonly next = new Map<string, number>();
  /** Each style's last ordinal: a list may run on across its parents (（一）…（十五）, 1.…12.). */
  private readonly last = new Map<string, number>();

  continues(style: string, ordinal: number): boolean {
    return ordinal === 1 || this.goesOn(style, ordinal);
  }

  /** Whether the ordinal is the next one, not a list started anew. */
  goesOn(style: string, ordinal: number): boolean {
    const expected = this.next.get(style);
    if (expected === undefined) return ordinal === 1;
    return ordinal === expected || ordinal === (this.last.get(style) ?? 0) + 1;
  }

  see(style: string, ordinal: number): void {
    if (!this.next.has(style)) this.order.push(style);
    this.next.set(style, ordinal + 1);
    this.last.set(style, ordinal);
    // Deeper levels start again under a new item.
    for (const deeper of this.order.slice(this.order.indexOf(style) + 1)) this.next.set(deeper, 1);
  }
}

/** Where a marker of an inline style may start: the patterns are tried only there. */
const CANDIDATE = new RegExp(`${SECTION_MARK}|${ITEM_MARK}|[（(]\\d{1,2}[）)]|${LIST_ITEM_MARK}|${IS_MARK}`, 'g');

/** A numeral listed after a numeral is a count, not a marker: 一、二季度, 三、四产业. */
const LISTED_NUMERALS = /^[一二三四五六七八九十]+[、季]/;

/**
 * In a short line a list inside a sentence (做好以下工作：1.…；2.…) is text: a short line is an
 * item's paragraph more often than a run-together section.
 */
const SENTENCE_LISTS = new Set(['1.', '（1）']);

/**
 * Positions in a line where a marker continuing the numbering starts. `lead`: the style a short
 * line starts with; long lines have none.
 */
function splitPoints(text: string, numbering: Numbering, lead?: string): number[] {
  const points: number[] = [];
  const closing: number[] = [];
  let scanned = 0;
  /** Where the text after the last marker starts, and whether a 一是 list glued to its heading is open. */
  let afterMarker = matchMarker(text)?.text.length ?? 0;
  let listOpen = false;
  CANDIDATE.lastIndex = 1;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const at = m.index;
    // Quotes and brackets open before the candidate: a marker inside them is text.
    for (; scanned < at; scanned++) {
      const code = text.charCodeAt(scanned);
      if (closing.length && code === closing.at(-1)) closing.pop();
      else if (OPENERS[code] !== 0 && closing.length < 8) closing.push(OPENERS[code]!);
    }
    if (closing.length > 0) continue;
    const marker = matchMarker(text.slice(at, at + 60));
    const glued = marker?.style === '一是' && listAfterHeading(text, afterMarker, at);
    const before = glued ? HAN : INLINE_STYLES[marker?.style ?? ''];
    const previous = text[at - 1]!;
    if (
      marker &&
      !marker.needsSequence &&
      !(marker.style === '一、' && LISTED_NUMERALS.test(marker.rest)) &&
      (marker.style !== '一是' || lead === '一是' || listOpen || glued) &&
      before?.test(previous) &&
      !REFERENCE_BEFORE.test(previous) &&
      numbering.continues(marker.style, marker.ordinal) &&
      !(lead !== undefined && previous === '：' && SENTENCE_LISTS.has(marker.style))
    ) {
      numbering.see(marker.style, marker.ordinal);
      points.push(at);
      // A marker of another level closes the list; one glued to its heading opens it.
      listOpen = glued || (listOpen && marker.style === '一是');
      afterMarker = at + marker.text.length;
      // The marker's own bracket is not an open quote.
      scanned = at + marker.text.length;
      CANDIDATE.lastIndex = scanned;
    }
  }
  return points;
}

/**
 * A run-together line has a marker right after a sentence's end or a bracket, or starts with a
 * marker and has an item's marker after a heading's last character (“一、围绕改革推进公开（一）
 * 进一步推进…”) or its section's heading glued to the first sentence (“一、总体要求以习近平…”):
 * quick to look for, one scan of the line.
 */
const AFTER_SENTENCE = new RegExp(`[。；！？）)\\]】]\\s*(?:${SECTION_MARK}|${ITEM_MARK}|${LIST_ITEM_MARK})`);
const LIST_AFTER_SENTENCE = new RegExp(`[。；！？）)\\]】]\\s*${IS_MARK}`);
/** An item's marker; it continues a heading when a Han character stands right before it. */
const ITEM_MARKER = new RegExp(`${ITEM_MARK}|\\d{1,2}${DOT_MARK}`, 'g');

function itemAfterHeading(text: string, from: number): boolean {
  ITEM_MARKER.lastIndex = from;
  for (let m = ITEM_MARKER.exec(text); m !== null; m = ITEM_MARKER.exec(text)) if (HAN.test(text[m.index - 1]!)) return true;
  return false;
}

/** How a line may run together: not at all, as a long line, or as a short one (split more warily). */
type RunTogether = 'long' | 'short' | null;

/** Whether a line's heading, after its marker, is glued to the 一是 of its list (一、明确原则一是…). */
function listGluedToHeading(text: string, marker: MarkerMatch): boolean {
  const at = text.indexOf('一是', marker.text.length);
  return at > 0 && listAfterHeading(text, marker.text.length, at);
}

function mayRunTogether(line: SourceLine, hasPipes: boolean): RunTogether {
  const { text } = line;
  if (hasPipes && text.includes('|')) return null;
  if (text.length < RUN_TOGETHER_MIN) {
    // A short line runs together only from a marker of its own: most lines are not looked into.
    const lead = matchMarker(text);
    if (lead === null || lead.needsSequence) return null;
    const listRunsOn = lead.style === '一是' && LIST_AFTER_SENTENCE.test(text);
    return listRunsOn || AFTER_SENTENCE.test(text) || itemAfterHeading(text, lead.text.length + 1) || listGluedToHeading(text, lead) ? 'short' : null;
  }
  if (AFTER_SENTENCE.test(text)) return 'long';
  const lead = matchMarker(text);
  return lead !== null && (SECTION_HEADINGS.test(lead.rest) || itemAfterHeading(text, lead.text.length + 1) || listGluedToHeading(text, lead)) ? 'long' : null;
}

/**
 * Splits run-together lines at their inline numbering; other lines only teach the numbering. The
 * lines of a table's cells (`cells`, by line number) and table rows are not split (`hasPipes`:
 * whether any line holds a “|”, when the caller knows).
 */
export function splitRunTogether(lines: SourceLine[], cells: ReadonlySet<number> = new Set(), hasPipes = anyPipe(lines)): SourceLine[] {
  const runsTogether = lines.map((line) => (cells.has(line.line) ? null : mayRunTogether(line, hasPipes)));
  // Most notices have no such line: then the numbering need not be followed at all.
  if (runsTogether.every((kind) => kind === null)) return lines;
  const numbering = new Numbering();
  const out: SourceLine[] = [];
  for (const [at, line] of lines.entries()) {
    const lead = matchMarker(line.text);
    // A short line whose own marker starts its list anew (a table's cell: 1.…。2.… under 2.…) is no
    // run-together item.
    const kind = runsTogether[at] === 'short' && !numbering.goesOn(lead!.style, lead!.ordinal) ? null : runsTogether[at];
    if (lead && !lead.needsSequence) numbering.see(lead.style, lead.ordinal);
    if (kind === null) {
      out.push(line);
      continue;
    }
    const short = kind === 'short';
    const points = splitPoints(line.text, numbering, short ? lead!.style : undefined);
    [0, ...points].forEach((from, k) => {
      const to = points[k] ?? line.text.length;
      const text = line.text.slice(from, to).trim();
      const marker = matchMarker(text);
      // Only a long line's sections are glued to their first sentence (工作任务分工 is a heading).
      const heading = marker && !short ? SECTION_HEADINGS.exec(marker.rest)?.[0] : undefined;
      if (marker && heading) {
        const cut = text.indexOf(heading) + heading.length;
        out.push({ ...line, text: text.slice(0, cut) });
        out.push({ ...line, text: text.slice(cut).trim() });
      } else out.push({ ...line, text });
    });
  }
  return out.filter((l) => l.text);
}
