// Page furniture out, paragraphs back: running headers and footers and page numbers are dropped,
// and the lines of a paragraph (also one a page break cut) are joined.

import type { Block, Line, PagePlace, Table } from './layout.js';

/** Page numbers as printed: — 3 —, - 3 -, 3, 3/8, 第3页 共8页, Page 3 of 8. */
const PAGE_NUMBER = /^(?:[-—–－‒―~～·\s]*\d+[-—–－‒―~～·\s]*|\d+\s*[/／]\s*\d+|第\s*\d+\s*页[\s,，]*(?:共\s*\d+\s*页)?|共\s*\d+\s*页[\s,，]*第\s*\d+\s*页|page\s*\d+(?:\s*of\s*\d+)?)$/i;

/** A line's text with its numbers blanked, so that “第3页” on one page matches “第4页” on the next. */
const shape = (line: Line) => line.text.replace(/\s+/g, '').replace(/\d+/g, '#');

type Edge = 'top' | 'bottom';

function edgeLine(page: Block[], edge: Edge): Line | null {
  const block = edge === 'top' ? page[0] : page.at(-1);
  return block?.kind === 'line' ? block.line : null;
}

/** A number alone, which a table's 序号 cell is too: a page number only where it is the page's own. */
const BARE_NUMBER = /^\d+$/;
/** A line that names something: a lone “|” or a rule of dashes at the top of pages is a table's, not a running header. */
const NAMES_SOMETHING = /[\p{L}\p{N}]/u;

/**
 * Whether the line is a page number: printed as one (— 3 —, 第3页), or a bare number that is the
 * page's own — the page's position, less one for an unnumbered cover, or on with the bare numbers
 * at that edge of other pages (`offset`: number − page index shared by two pages at least).
 */
function isPageNumber(line: Line, pageIndex: number, offset: number | null): boolean {
  const text = line.text.trim();
  if (!PAGE_NUMBER.test(text)) return false;
  if (!BARE_NUMBER.test(text)) return true;
  const number = Number(text);
  return number === pageIndex + 1 || number === pageIndex || number - pageIndex === offset;
}

/** The offset (number − page index) that the bare numbers at an edge share, when two pages share one. */
function pageNumberOffset(pages: Block[][], edge: Edge): number | null {
  const counts = new Map<number, number>();
  pages.forEach((page, pageIndex) => {
    const text = edgeLine(page, edge)?.text.trim() ?? '';
    if (BARE_NUMBER.test(text)) counts.set(Number(text) - pageIndex, (counts.get(Number(text) - pageIndex) ?? 0) + 1);
  });
  const [offset, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  return count >= 2 ? offset : null;
}

/**
 * The pages without their running headers and footers: a page number at the top or bottom of a
 * page, and a line that stands at the same edge of at least half the pages (two at least).
 */
export function withoutRunningLines(pages: Block[][]): Block[][] {
  const result = pages.map((page) => [...page]);
  for (const edge of ['top', 'bottom'] as const) {
    // a header may have two lines (a title over a rule, then a page number): look twice
    for (let pass = 0; pass < 2; pass++) {
      const counts = new Map<string, number>();
      for (const page of result) {
        const line = edgeLine(page, edge);
        if (line) counts.set(shape(line), (counts.get(shape(line)) ?? 0) + 1);
      }
      const offset = pageNumberOffset(result, edge);
      const running = (line: Line, pageIndex: number) => {
        const count = counts.get(shape(line)) ?? 0;
        const repeated = count >= 2 && count * 2 >= pages.length && NAMES_SOMETHING.test(line.text) && !BARE_NUMBER.test(line.text.trim());
        return isPageNumber(line, pageIndex, offset) || repeated;
      };
      result.forEach((page, pageIndex) => {
        const line = edgeLine(page, edge);
        if (line && running(line, pageIndex)) {
          if (edge === 'top') page.shift();
          else page.pop();
        }
      });
    }
  }
  return result;
}

/**
 * A line ending this many font sizes short of the right margin ends its paragraph (Chinese lines
 * break short of it to keep punctuation off a line's start: by two characters at most).
 */
const SHORT_LINE = 2.5;
/** A line starting this many font sizes right of the left margin starts a paragraph (indent, centring). */
const INDENT = 0.5;

/** What a line cannot be broken within: a run of digits, Latin and brackets, or one character, with the punctuation after it. */
const FIRST_WORD = /^(?:[^\p{Script=Han}\s]+\p{Script=Han}?|\p{Script=Han})[、，。；：！？）》〕」’”,.;:!?)]*/u;

/**
 * About how wide the line's first word is: a line broke short of the margin before a word that
 * did not fit (〔2017〕40号), not at the end of a paragraph.
 */
function firstWordWidth(line: Line): number {
  const word = FIRST_WORD.exec(line.text)?.[0] ?? '';
  return (word.length / line.text.length) * (line.x1 - line.x0);
}

/**
 * The left margin: the leftmost start, in whole points, that several lines share (two, and a
 * twentieth of them). Not the commonest start: in a notice of short paragraphs the indented first
 * lines outnumber the lines that run on at the margin. Lines of one-line paragraphs only: their indent.
 */
function leftMargin(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(Math.round(line.x0), (counts.get(Math.round(line.x0)) ?? 0) + 1);
  const shared = [...counts].filter(([, count]) => count >= Math.max(2, lines.length / 20)).map(([x]) => x);
  return shared.length ? Math.min(...shared) : Math.min(...counts.keys());
}

/**
 * The blocks as paragraphs (text) and tables. A line goes on with the one before when that one
 * reaches the right margin and this one starts at the left margin in the same font size, on the
 * same page or the next.
 */
export function paragraphsOf(blocks: Block[], lines: Line[]): ({ text: string; at?: PagePlace } | Table)[] {
  const left = leftMargin(lines);
  const ends = lines.map((line) => line.x1).sort((a, b) => a - b);
  const right = ends[Math.floor(ends.length * 0.9)] ?? 0;
  const out: ({ text: string; at?: PagePlace } | Table)[] = [];
  let previous: Line | null = null;
  for (const block of blocks) {
    if (block.kind === 'table') {
      out.push(block.table);
      previous = null;
      continue;
    }
    const line = block.line;
    const goesOn =
      previous !== null &&
      right - previous.x1 < Math.max(SHORT_LINE * previous.size, firstWordWidth(line) + line.size) &&
      line.x0 <= left + INDENT * line.size &&
      Math.abs(line.size - previous.size) < 1;
    const last = out.at(-1);
    if (goesOn && last && 'text' in last) last.text += line.text;
    else out.push({ text: line.text, ...(line.at ? { at: line.at } : {}) });
    previous = line;
  }
  return out;
}
