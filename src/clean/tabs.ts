// A table copied from a spreadsheet or a Word file into plain text keeps its cells apart with
// tabs, one row a line. Folded into spaces like any other white space, its cells would run
// together; written as the pipe rows the table stage reads, they stay cells. A tab is a border
// only in a run of two lines or more that each have one between their words: a lone tab (a
// signature line set apart from its date) is white space, and so is a tab in a line of prose: after
// its numbering (一、\t推进…, as Word pastes a list) or before its unit clause (…完成。\t（市财政局负责）).

import { matchMarker } from '../vocabulary/markers.js';
import { headerColumns } from '../vocabulary/columns.js';

/** Tabs between cells: at least one, with text on both sides. */
const INNER_TAB = /\S\t+\S/;
/** A row whose only cell is its first, the others left empty (一、推进决策公开 then tabs): a heading in a run of rows, white space outside one. */
const FIRST_CELL_ONLY = /^\s*\S.*?\t\s*$/;
const MIN_ROWS = 2;
/** Lines that go on a run of rows: blank, or only the “|” a page put between its rows. */
const BETWEEN_ROWS = /^[\s|]*$/;

/** A unit clause in brackets, the last thing a line of prose may set apart with a tab. */
const CLAUSE_CELL = /^[（(【[].*[)）】\]]$/;
/** A line with more pieces than a marker, a sentence and a clause is a row whatever they hold. */
const PROSE_PIECES_MAX = 3;

/** A line of prose whose tabs only set apart its numbering or its unit clause: one piece of text between them. */
function isProse(text: string): boolean {
  const pieces = text.trim().split(/\t+/);
  if (pieces.length > PROSE_PIECES_MAX) return false;
  // A marker only, not a bare 序号 (1\t任务 is a row of a table).
  const marker = matchMarker(pieces[0]! + pieces[1]!);
  const from = marker !== null && !marker.needsSequence && marker.text === pieces[0]!.trim() ? 1 : 0;
  const to = pieces.length - from > 1 && CLAUSE_CELL.test(pieces.at(-1)!.trim()) ? pieces.length - 1 : pieces.length;
  return to - from <= 1;
}

/** A numbered heading is short and ends no sentence: 一、深化决策公开. */
const HEADING_ROW_MAX = 30;
const isHeadingRow = (text: string) => text.length <= HEADING_ROW_MAX && !/[。；]/.test(text) && matchMarker(text.trim()) !== null;

/** The indices of the lines whose tabs are cell borders. */
export function tabRows(lines: readonly { text: string }[]): Set<number> {
  const rows = new Set<number>();
  let run: number[] = [];
  /** Rows of the run with cells on both sides of a tab: only they make it a table. */
  let full = 0;
  /** The run opens with a header row (序号, 工作任务, 责任单位 …). */
  let headed = false;
  const close = () => {
    if (full >= MIN_ROWS) for (const index of run) rows.add(index);
    run = [];
    full = 0;
  };
  lines.forEach((line, index) => {
    const tabbed = line.text.includes('\t');
    if (tabbed && INNER_TAB.test(line.text) && !isProse(line.text)) {
      if (run.length === 0) headed = headerColumns(line.text.trim().split(/\t+/)) !== null;
      run.push(index);
      full++;
    } else if (tabbed && run.length > 0 && FIRST_CELL_ONLY.test(line.text)) run.push(index);
    else if (headed && run.length > 0 && !tabbed && isHeadingRow(line.text)) {
      // A category row of a headed table whose empty cells lost their tabs: the rows go on after it, and it stays a line of its own.
    } else if (!BETWEEN_ROWS.test(line.text)) close();
  });
  close();
  return rows;
}

/** A tab-separated row as a pipe row: “a | | b |”, empty cells kept (a merged cell left one). */
export function pipeRow(text: string): string {
  const cells = text.trim().split('\t').map((cell) => cell.trim());
  while (cells.length > 1 && cells.at(-1) === '') cells.pop();
  return `${cells.map((cell) => cell.replaceAll('|', '｜')).join(' | ')} |`;
}
