import type { ReaderRow, SourceLine } from '../model.js';
import { headerColumns, meaningOf, type Column } from '../vocabulary/columns.js';
import { matchMarker } from '../vocabulary/markers.js';
import { CLAUSE_STOPS, CLOSERS, MID_SENTENCE, SENTENCE_STOPS } from '../vocabulary/sentences.js';
import { shapeOf } from './cells.js';

// Grids recovered from text: every way pages and copy-paste flatten a table into lines.
// - rows: one row a line, cells split by “|” (ragged, with lone “|” lines between rows);
// - a stream: one cell a line, with a lone “|” line between cells, or each cell ending in “ |”
//   and a line of pipes “||” closing each row;
// - a stream with no separator at all (a Word table saved as text): one cell a line, told by its
//   序号 cells — bare numbers 1, 2, 3 … on lines of their own, a few lines apart;
// A “|” in a sentence (“政策|解读”栏目) is prose: a table is a run of such lines, or a header.
// Rows a reader found (a page's, Word file's, PDF's or sheet's own table) need no recovering: they
// are taken as the reader wrote them, every “|” a border.

export interface GridCell {
  text: string;
  line: SourceLine;
}

export type Piece =
  | { kind: 'line'; line: SourceLine }
  | { kind: 'rule'; line: SourceLine }
  | { kind: 'header'; line: SourceLine; columns: Column[] }
  | { kind: 'row'; cells: GridCell[]; line: SourceLine; reader?: ReaderRow }
  | { kind: 'stream'; cells: GridCell[]; breaks: boolean[]; header: Column[] | null; headerLines: SourceLine[]; rules: SourceLine[] };

/**
 * Quotes and brackets inside which a “|” is text, not a cell border: the closing code by the
 * opening one (0 for no opener). A table by code, not a Map: every character of a row is looked up.
 */
const OPENERS = new Uint16Array(0x10000);
for (const [open, close] of '“”‘’《》""（）()【】[]'.match(/../g)!) OPENERS[open!.charCodeAt(0)] = close!.charCodeAt(0);
const PIPE = 0x7c;

/** The positions of the “|” that stand outside quotes and brackets. */
function borders(text: string): number[] {
  if (!text.includes('|')) return [];
  const found: number[] = [];
  const closing: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (closing.length && code === closing[closing.length - 1]) closing.pop();
    else if (code === PIPE) {
      if (closing.length === 0) found.push(i);
    } else if (closing.length < 8) {
      const close = OPENERS[code]!;
      if (close !== 0) closing.push(close);
    }
  }
  // A quote left open is a quote the line lost: count every pipe then.
  if (closing.length && found.length === 0) return [...text].flatMap((c, i) => (c === '|' ? [i] : []));
  return found;
}

/** Markdown's bold (**一、加强政策解读**, **序号**): a mark of the page, not text of the cell. */
const BOLD = /\*\*(.+?)\*\*/g;
const cellText = (raw: string) => {
  const text = raw.trim();
  return text.includes('**') ? text.replace(BOLD, '$1').trim() : text;
};

/** A line's cells split at its borders; the empty cell after a closing “|” is not a cell. */
export function splitCells(text: string, at: number[]): string[] {
  const cells: string[] = [];
  let from = 0;
  for (const i of at) {
    cells.push(cellText(text.slice(from, i)));
    from = i + 1;
  }
  const rest = cellText(text.slice(from));
  if (rest) cells.push(rest);
  // Leading “| a | b |”: the empty cell before the first border is not a cell.
  if (cells[0] === '' && at[0] === 0) cells.shift();
  return cells;
}

type LineShape = 'rule' | 'sep' | 'multi' | 'single' | 'plain';

interface Shaped {
  line: SourceLine;
  shape: LineShape;
  cells: string[];
}

/**
 * A row of dashes under a header (Markdown's | --- | :---: | :-- |, or +----+----+ of a text table).
 * The clean stage has written an alignment colon beside the dashes full-width (|：---：|). A lone
 * dash, no colon beside it, is a cell saying “none”.
 */
const RULE_CELL = String.raw`\s*(?:[:：]?-{2,}[:：]?|[:：]-[:：]?|-[:：])\s*`;
const DASH_RULE = new RegExp(String.raw`^(?:\|?(?:${RULE_CELL}\|)+(?:${RULE_CELL})?|\+(?:-{3,}\+)+)$`);

function shapeLine(line: SourceLine): Shaped {
  const text = line.text.trim();
  if (/^\|{2,}$/.test(text) || DASH_RULE.test(text)) return { line, shape: 'rule', cells: [] };
  if (text === '|') return { line, shape: 'sep', cells: [] };
  const at = borders(text);
  if (at.length === 0) return { line, shape: 'plain', cells: [text] };
  const cells = splitCells(text, at);
  // “X | ||” is a row whose other cells are empty; “X |” a cell (or a row spanning the table).
  return cells.length >= 2 ? { line, shape: 'multi', cells } : { line, shape: 'single', cells: [cells[0] ?? ''] };
}

/** Lines of a run that look like table lines. */
const tableLike = (s: Shaped) => s.shape !== 'plain';

/** The fewest table-like lines that make a run a table when it holds no header: a pipe may be prose. */
const MIN_TABLE_LINES = 3;

/** A row as its reader wrote it: a header, or cells split at every border. */
function readerPiece(line: SourceLine, reader: ReaderRow): Piece {
  // Every cell counts, an empty first one too; nothing stands after the closing border.
  const cells = line.text.split('|').map((cell) => cell.trim());
  if (cells.at(-1) === '') cells.pop();
  const columns = reader.header ? headerColumns(cells) : null;
  if (columns) return { kind: 'header', line, columns };
  return { kind: 'row', cells: cells.map((text) => ({ text, line: { ...line, text } })), line, reader };
}

/** Whether any of the lines holds a “|”. */
export const anyPipe = (lines: SourceLine[]): boolean => lines.some((line) => line.text.includes('|'));

/**
 * Cuts lines into plain lines and tables: the rows a reader found (`readerRows`), and tables
 * recovered from the text of the other lines.
 */
export function recoverGrids(
  lines: SourceLine[],
  readerRows: (line: SourceLine) => ReaderRow | undefined = () => undefined,
  hasPipes = anyPipe(lines),
): Piece[] {
  const bare = hasPipes ? [] : bareStreams(lines, readerRows);
  // Most notices hold no table at all: nothing to shape.
  if (!hasPipes && bare.length === 0) return lines.map((line) => ({ kind: 'line', line }));
  const shaped = lines.map(shapeLine);
  const pieces: Piece[] = [];
  let i = 0;
  let nextBare = 0;
  while (i < shaped.length) {
    const stream = bare[nextBare];
    if (stream?.start === i) {
      for (const piece of readStream(joinWrapped(shaped, stream))) pieces.push(piece);
      i = stream.end;
      nextBare++;
      continue;
    }
    const reader = readerRows(shaped[i]!.line);
    if (reader) {
      pieces.push(readerPiece(shaped[i]!.line, reader));
      i++;
      continue;
    }
    if (!tableLike(shaped[i]!)) {
      pieces.push({ kind: 'line', line: shaped[i]!.line });
      i++;
      continue;
    }
    // A run of table lines; a single plain line between two of them is a cell that lost its “|”.
    // A stream of cells split by lone “|” lines starts with the cell before the first of them.
    if (shaped[i]!.shape === 'sep' && i > 0 && !tableLike(shaped[i - 1]!) && pieces.at(-1)?.kind === 'line') {
      pieces.pop();
      i--;
    }
    let end = i;
    const recoverable = (k: number) => k < shaped.length && tableLike(shaped[k]!) && !readerRows(shaped[k]!.line);
    while (end + 1 < shaped.length && !readerRows(shaped[end + 1]!.line) && (recoverable(end + 1) || (recoverable(end + 2) && !tableLike(shaped[end + 1]!) && shaped[end + 1]!.line.text.length > 0))) end++;
    // …and ends with the cell after the last of them.
    if (shaped[end]!.shape === 'sep' && end + 1 < shaped.length && shaped[end + 1]!.shape === 'plain' && shaped[end + 1]!.line.text) end++;
    // A file cut off inside a cell ends in a plain line that still belongs to the table.
    if (end === shaped.length - 2 && end - i >= MIN_TABLE_LINES && shaped[end]!.shape === 'single') end++;
    const run = shaped.slice(i, end + 1);
    i = end + 1;
    const count = run.filter(tableLike).length;
    const hasHeader = run.some((s) => s.shape === 'multi' && headerColumns(s.cells) !== null);
    if (count < MIN_TABLE_LINES && !hasHeader && !run.some((s) => s.shape === 'rule')) {
      for (const s of run) pieces.push({ kind: 'line', line: s.line });
      continue;
    }
    // One by one: a run may be a table of more rows than one push takes arguments.
    for (const piece of readRun(run)) pieces.push(piece);
  }
  return pieces;
}

function readRun(run: Shaped[]): Piece[] {
  const multi = run.filter((s) => s.shape === 'multi').length;
  const single = run.filter((s) => s.shape === 'single' || s.shape === 'plain').length;
  if (multi >= single) {
    // Rows: full-width rows of one cell are headings or titles, lone pipes are rules.
    return run.map((s): Piece => {
      if (s.shape === 'rule' || s.shape === 'sep') return { kind: 'rule', line: s.line };
      if (s.shape === 'multi') {
        const columns = headerColumns(s.cells);
        if (columns) return { kind: 'header', line: s.line, columns };
        return { kind: 'row', cells: s.cells.map((text) => ({ text, line: { ...s.line, text } })), line: s.line };
      }
      return { kind: 'line', line: { ...s.line, text: s.cells[0] ?? s.line.text } };
    });
  }
  return readStream(run);
}

/** The longest header a stream starts with at `from`: cells that each name a column meaning. */
function headerAt(cells: GridCell[], from: number): Column[] | null {
  let to = from;
  while (to < cells.length && (meaningOf(cells[to]!.text) !== null || cells[to]!.text === '')) to++;
  while (to > from && cells[to - 1]!.text === '') to--;
  return to - from >= 2 ? headerColumns(cells.slice(from, to).map((c) => c.text)) : null;
}

function readStream(run: Shaped[]): Piece[] {
  // Cells ending in “ |” make a lone “|” an empty cell; cells without make it a separator.
  const trailing = run.filter((s) => s.shape === 'single').length >= run.filter((s) => s.shape === 'plain').length;
  const cells: GridCell[] = [];
  const breaks: boolean[] = [];
  const rules: SourceLine[] = [];
  let breakNext = false;
  const push = (text: string, line: SourceLine) => {
    cells.push({ text, line: { ...line, text } });
    breaks.push(breakNext);
    breakNext = false;
  };
  for (const s of run) {
    if (s.shape === 'rule') {
      rules.push(s.line);
      breakNext = true;
    } else if (s.shape === 'sep') {
      rules.push(s.line);
      if (trailing) push('', s.line);
    } else if (s.shape === 'multi') {
      breakNext = true;
      for (const text of s.cells) push(text, s.line);
      breakNext = true;
    } else push(s.cells[0] ?? '', s.line);
  }
  let header: Column[] | null = null;
  const headerLines: SourceLine[] = [];
  for (let at = 0; at < Math.min(cells.length, 12); at++) {
    header = headerAt(cells, at);
    if (!header) continue;
    // What stood before the header (a title cell) is a line of its own; the header's cells go.
    const taken = cells.splice(0, at + header.length);
    breaks.splice(0, at + header.length);
    headerLines.push(...taken.slice(at).map((c) => c.line));
    const before = taken.slice(0, at).filter((c) => c.text).map((c): Piece => ({ kind: 'line', line: c.line }));
    if (breaks.length) breaks[0] = true;
    return [...before, { kind: 'stream', cells, breaks, header, headerLines, rules }];
  }
  if (breaks.length) breaks[0] = true;
  return [{ kind: 'stream', cells, breaks, header, headerLines, rules }];
}

// ---- streams without separators ----

/** The fewest 序号 lines in sequence that make a stream of bare cells: two could be a list's. */
const BARE_SEQ_MIN = 3;
/** A row holds this many cells at most besides its 序号: further apart, numbers are not a table's. */
const ROW_CELLS_MAX = 8;
/** …on this many lines at most, its cells hard-wrapped: a page of wrapped text between page numbers is longer. */
const ROW_LINES_MAX = 2 * ROW_CELLS_MAX;
/** How far before the first 序号 a header of lines (序号 / 工作任务 / 责任单位 …) may end. */
const HEADER_GAP_MAX = 3;
/** A bare number on its own line: a 序号 cell (or a page number, further apart). */
const BARE_NUMBER = /^\d{1,3}$/;
/** …with the white space around it, at most. */
const BARE_NUMBER_MAX = 8;

interface BareStream {
  start: number;
  end: number;
  /** The lines (by index) that go on with the cell of the line before: a cell hard-wrapped. */
  wrapped: Set<number>;
}

/**
 * Stretches of lines that are a table saved one cell to a line with no separator: runs of at
 * least BARE_SEQ_MIN bare numbers counting up by one, each a few lines after the one before.
 * Each stream says which of its lines are a cell hard-wrapped from the line before.
 */
function bareStreams(lines: SourceLine[], readerRows: (line: SourceLine) => ReaderRow | undefined): BareStream[] {
  const numbers: { at: number; value: number }[] = [];
  lines.forEach((line, at) => {
    // The length first: every line of every notice is asked.
    if (line.text.length > BARE_NUMBER_MAX) return;
    const text = line.text.trim();
    if (BARE_NUMBER.test(text) && !readerRows(line)) numbers.push({ at, value: Number(text) });
  });
  if (numbers.length < BARE_SEQ_MIN) return [];
  const streams: BareStream[] = [];
  let chain = [numbers[0]!];
  const close = () => {
    if (chain.length >= BARE_SEQ_MIN) streams.push(streamAround(lines, chain.map((n) => n.at)));
  };
  for (const number of numbers.slice(1)) {
    const last = chain.at(-1)!;
    if (number.value === last.value + 1 && number.at > last.at + 1 && cellsBetween(lines, last.at, number.at) <= ROW_CELLS_MAX) chain.push(number);
    else {
      close();
      chain = [number];
    }
  }
  close();
  // Two streams never overlap: a later one starts after the one before ends.
  return streams.filter((stream, k) => k === 0 || stream.start >= streams[k - 1]!.end);
}

/**
 * The lines (by line number) of the tables in plain text saved one cell to a line with no
 * separator: the outline must neither join nor split them before the table stage reads them.
 */
export function bareTableLines(lines: SourceLine[], hasPipes = anyPipe(lines)): Set<number> {
  const kept = new Set<number>();
  if (hasPipes) return kept;
  for (const { start, end } of bareStreams(lines, () => undefined)) for (let at = start; at < end; at++) kept.add(lines[at]!.line);
  return kept;
}

/** How many cells stand between two 序号 lines: a cell hard-wrapped over lines counts once. */
function cellsBetween(lines: SourceLine[], from: number, to: number): number {
  const gap = to - from - 1;
  if (gap <= ROW_CELLS_MAX || gap > ROW_LINES_MAX) return gap;
  let width = 0;
  for (let at = from + 1; at < to; at++) width = Math.max(width, lines[at]!.text.trim().length);
  let cells = gap;
  for (let at = from + 2; at < to; at++) if (continuesCell(lines[at - 1]!.text.trim(), lines[at]!.text.trim(), width)) cells--;
  return cells;
}

/**
 * A stream runs from the header of lines just before its first 序号 (or from that 序号) to as many
 * cells after its last 序号 as its rows usually hold, or to a numbered line. A cell hard-wrapped
 * over two lines counts once.
 */
function streamAround(lines: SourceLine[], seqAt: number[]): BareStream {
  const first = seqAt[0]!;
  const last = seqAt.at(-1)!;
  let width = 0;
  for (let at = first; at < last; at++) width = Math.max(width, lines[at]!.text.trim().length);
  const wrapped = new Set<number>();
  const wraps = (at: number) => continuesCell(lines[at - 1]!.text.trim(), lines[at]!.text.trim(), width);
  for (let at = first + 1; at < last; at++) if (wraps(at)) wrapped.add(at);
  const rowCells = seqAt.slice(1).map((at, k) => {
    let cells = 0;
    for (let line = seqAt[k]! + 1; line < at; line++) if (!wrapped.has(line)) cells++;
    return cells;
  });
  const rowTail = rowCells.sort((a, b) => a - b)[Math.floor(rowCells.length / 2)]!;
  let end = last + 1;
  for (let cells = 0; end < lines.length && !matchMarker(lines[end]!.text); end++) {
    if (wraps(end)) wrapped.add(end);
    else if (++cells > rowTail) break;
  }
  return { start: headerOfLinesBefore(lines, first) ?? first, end, wrapped };
}

/** A line that ends so, ends its cell: a sentence, a clause, a quotation. */
const ENDS_CELL = new RegExp(`[${SENTENCE_STOPS}${CLAUSE_STOPS}${CLOSERS}]$`);
/** Narrower than this, a line without an end is a name, not a sentence cut at the wrap width. */
const MIN_WRAP_WIDTH = 20;

/**
 * Whether the next line of a stream without separators goes on with the cell on the line before
 * (`width`: the stream's longest line). A unit list cut after its 、 goes on in a unit list; a
 * sentence cut after a comma, or at the wrap width without an end, goes on in text that is no
 * 序号, numbered cell, unit list or time limit.
 */
export function continuesCell(previous: string, next: string, width: number): boolean {
  const midCell = MID_SENTENCE.test(previous);
  if (!midCell && (previous.length < Math.max(width - 1, MIN_WRAP_WIDTH) || ENDS_CELL.test(previous))) return false;
  const before = shapeOf(previous);
  const after = shapeOf(next);
  if (before === 'units') return midCell && after === 'units';
  return (after === 'long' || after === 'short') && before !== 'seq' && before !== 'deadline';
}

/** A stream's lines with each hard-wrapped cell joined into one line, which says where it ends. */
function joinWrapped(shaped: Shaped[], stream: BareStream): Shaped[] {
  const joined: Shaped[] = [];
  for (let at = stream.start; at < stream.end; at++) {
    const current = shaped[at]!;
    const previous = joined.at(-1);
    if (previous && stream.wrapped.has(at)) {
      const text = previous.cells[0]! + current.cells[0]!;
      joined[joined.length - 1] = { ...previous, line: { ...previous.line, text, lastLine: current.line.lastLine ?? current.line.line }, cells: [text] };
    } else joined.push(current);
  }
  return joined;
}

/** Where a header of lines (one column name a line) ends at most HEADER_GAP_MAX lines before `at` starts, or null. */
function headerOfLinesBefore(lines: SourceLine[], at: number): number | null {
  for (let end = at; end >= Math.max(0, at - HEADER_GAP_MAX); end--) {
    let start = end;
    while (start > 0 && meaningOf(lines[start - 1]!.text) !== null) start--;
    if (end - start >= 2 && headerColumns(lines.slice(start, end).map((line) => line.text)) !== null) return start;
  }
  return null;
}
