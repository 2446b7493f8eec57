import type { DroppedLine, ReaderRow, Role, SourceLine } from '../model.js';
import { alignRow, alignStream, fitsAsLaidOut, StyleColumns } from './align.js';
import { shapeOf, isUnitsCell } from './cells.js';
import { isDeadlineCell } from '../vocabulary/deadlines.js';
import { isUnitName, unitPieces } from '../vocabulary/units.js';
import { headerColumns, meaningOf, type Column, type ColumnKind } from '../vocabulary/columns.js';
import { recoverGrids, type GridCell, type Piece } from './recover.js';
import { matchMarker } from '../vocabulary/markers.js';
import { MID_SENTENCE } from '../vocabulary/sentences.js';

// The table stage: recovers tables from the cleaned lines (however they were flattened), reads
// each row's cells through the header's column meanings, and hands the outline typed rows.

export interface TypedCell {
  /** The column the cell was aligned to; `outside` for a cell no column holds (an extra heading). */
  kind: ColumnKind | 'outside';
  role: Role | null;
  text: string;
  line: SourceLine;
  /** The reader says the cell continues the one above it (a rowspan). */
  spanned?: boolean;
}

export interface TableRow {
  cells: TypedCell[];
  line: SourceLine;
  /** Rows of one table share it: a new table restarts the row count. */
  table: number;
}

export type Block = { kind: 'line'; line: SourceLine } | { kind: 'row'; row: TableRow } | { kind: 'dropped'; line: DroppedLine };

/** Columns of a table seen without a header: the usual order of a 分工表. */
const GUESSED: Column[] = [
  { kind: 'category' },
  { kind: 'seq' },
  { kind: 'task' },
  { kind: 'requirement' },
  { kind: 'units', role: 'responsible' },
  { kind: 'deadline' },
];

/** Header cells standing as lines of their own are short words. */
const HEADER_LINE_MAX = 8;
const HEADER_LINES_MIN = 3;

interface TableState {
  id: number;
  columns: Column[];
  headed: boolean;
  /** The reader's number for the table, when a reader found it. */
  readerTable?: number;
  rows: TableRow[];
  styles: StyleColumns;
  /** Unit cells of the row above by column, for flattened text where an empty cell means "as above". */
  unitsAbove: Map<number, TypedCell>;
  /** The last row handed on, while no line has come after it: the next row may go on with it. */
  above: TableRow | null;
}

/**
 * Lines → plain lines, table rows typed by their columns, and dropped lines (headers, rules). The
 * rows a reader found (`readerRows`) are read as it wrote them; tables in the text of the other
 * lines are recovered first. `hasPipes`: whether any line holds a “|”, when the caller knows.
 */
export function recoverTables(lines: SourceLine[], readerRows?: (line: SourceLine) => ReaderRow | undefined, hasPipes?: boolean): Block[] {
  const blocks: Block[] = [];
  const tables: TableState[] = [];
  let table: TableState | null = null;
  const newTable = (columns: Column[], headed: boolean, readerTable?: number): TableState => {
    const state: TableState = { id: tables.length + 1, columns, headed, rows: [], styles: new StyleColumns(), unitsAbove: new Map(), above: null };
    if (readerTable !== undefined) state.readerTable = readerTable;
    tables.push(state);
    return state;
  };
  let lineColumns: Column[] | null = null;
  /** The rows read under the header of lines, once one is: see `numberedRowAt`. */
  let lineTable: TableState | null = null;

  const pieces = recoverGrids(lines, readerRows, hasPipes);
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p]!;
    switch (piece.kind) {
      case 'line': {
        const header = headerLinesAt(pieces, p);
        if (header) {
          for (let k = 0; k < header.count; k++) blocks.push({ kind: 'dropped', line: { ...(pieces[p + k] as { line: SourceLine }).line, reason: 'table header' } });
          lineColumns = header.columns;
          lineTable = null;
          p += header.count - 1;
          continue;
        }
        const numbered = lineColumns && numberedRowAt(pieces, p, lineColumns);
        if (numbered) {
          lineTable ??= newTable(lineColumns!, true);
          const row: TableRow = { cells: numbered.cells, line: numbered.cells[0]!.line, table: lineTable.id };
          lineTable.rows.push(row);
          blocks.push({ kind: 'row', row });
          p += numbered.count - 1;
          continue;
        }
        if (table) {
          table.unitsAbove.clear();
          table.above = null;
        }
        blocks.push({ kind: 'line', line: lineColumns ? asCell(piece.line, lineColumns) : piece.line });
        continue;
      }
      case 'rule':
        blocks.push({ kind: 'dropped', line: { ...piece.line, reason: 'table rule' } });
        continue;
      case 'header': {
        const readerTable = readerRows?.(piece.line)?.table;
        if (!table || !table.headed || table.columns.length !== piece.columns.length || table.readerTable !== readerTable) table = newTable(piece.columns, true, readerTable);
        blocks.push({ kind: 'dropped', line: { ...piece.line, reason: 'table header' } });
        continue;
      }
      case 'row': {
        const { reader } = piece;
        if (reader && table?.readerTable !== reader.table) table = null;
        if (!table) {
          if (reader && !piece.cells.some((c) => matchMarker(c.text))) {
            // A page's or Word file's table that names no task column, and numbers nothing, is data.
            blocks.push({ kind: 'dropped', line: { ...piece.line, reason: 'table without a task header' } });
            continue;
          }
          table = newTable(GUESSED, false, reader?.table);
        }
        if (!reader && spansTable(piece.cells, table)) {
          // A full-width heading row: no rowspan reaches across it.
          table.unitsAbove.clear();
          table.above = null;
          blocks.push({ kind: 'line', line: { ...piece.line, text: piece.cells[0]!.text } });
          continue;
        }
        // The reader's row has a cell under each column of its own header: nothing to guess, unless
        // its cells contradict the columns they stand under (a header that lost its spans).
        const shapes = piece.cells.map((c) => shapeOf(c.text));
        const styles = piece.cells.map((c) => matchMarker(c.text)?.style);
        const laidOut = reader && !reader.rebuilt && table.headed && piece.cells.length === table.columns.length;
        let columnOf: number[];
        if (laidOut && fitsAsLaidOut(shapes, table.columns, styles, table.styles)) {
          columnOf = piece.cells.map((_, i) => i);
          // Its numbering styles stay in their columns: a later row whose cells shifted is told by them.
          table.styles.learn(styles, columnOf);
        } else columnOf = alignRow(shapes, table.columns, styles, table.styles);
        const row = typedRow(piece.cells, columnOf, table, piece.line, reader?.spanned);
        // A row rebuilt from text, positions or tabs may have lost a merged cell; a laid-out one repeats it.
        handOn(row, table, blocks, !reader || reader.rebuilt === true, !reader);
        continue;
      }
      case 'stream': {
        const state = newTable(piece.header ?? GUESSED, piece.header !== null);
        for (const line of piece.headerLines) blocks.push({ kind: 'dropped', line: { ...line, reason: 'table header' } });
        for (const line of piece.rules) blocks.push({ kind: 'dropped', line: { ...line, reason: 'table rule' } });
        for (const cells of alignStream(piece.cells.map((c) => shapeOf(c.text)), state.columns, piece.breaks)) {
          const gridCells = cells.map(([i]) => piece.cells[i]!);
          handOn(typedRow(gridCells, cells.map(([, column]) => column), state, gridCells[0]!.line), state, blocks, true);
        }
        table = null;
        continue;
      }
    }
  }
  for (const state of tables) decideCategories(state);
  return blocks;
}

/**
 * A recovered row whose only text is a heading under the 序号 column (`| 一、加强政策解读 ||||`,
 * Markdown's trace of a cell spanning the table): a full-width row, a section heading.
 */
function spansTable(cells: GridCell[], table: TableState): boolean {
  const first = cells[0]?.text ?? '';
  return table.headed && table.columns[0]!.kind === 'seq' && first !== '' && shapeOf(first) !== 'seq' && cells.every((c, i) => i === 0 || c.text === '');
}

function typedRow(cells: GridCell[], columnOf: number[], table: TableState, line: SourceLine, spanned?: boolean[]): TableRow {
  return {
    cells: cells.map((cell, i) => {
      const column = table.columns[columnOf[i]!];
      const typed: TypedCell = { kind: column?.kind ?? 'outside', role: column?.role ?? null, text: cell.text, line: cell.line };
      if (spanned?.[i]) typed.spanned = true;
      return typed;
    }),
    line,
    table: table.id,
  };
}

/**
 * A row handed on as a row of its own, or as more of the row above when it goes on with it: its
 * cells before the first that opens something (a numbered heading a stream put at its end).
 */
function handOn(row: TableRow, table: TableState, blocks: Block[], mayHaveLostCells: boolean, wrappedLine = false): void {
  // Only a table that numbers its rows has rows going on (the cheap test first: rows of thousands).
  if (table.above?.cells.some((c) => c.kind === 'seq' && c.text)) {
    const opening = row.cells.findIndex(opens);
    // Cells before a 序号 stand in columns the header puts before it (责任单位 | 时限 | 序号 | 任务): the row's own.
    const leading = opening < 0 ? row.cells : row.cells[opening]!.kind === 'seq' ? [] : row.cells.slice(0, opening);
    if (leading.length && continuesAbove(leading, table.above, wrappedLine)) {
      joinRows(table.above, leading, wrappedLine);
      if (opening < 0) return;
      row.cells = row.cells.slice(opening);
      row.line = row.cells[0]!.line;
    }
  }
  table.rows.push(row);
  table.above = fillFromAbove(row, table, mayHaveLostCells);
  blocks.push({ kind: 'row', row: table.above });
}

const holdsText = (cell: TypedCell) => (cell.kind === 'task' || cell.kind === 'requirement') && cell.text !== '';

/**
 * In a table that numbers its rows, the cells a row holds before any that opens something (see
 * `opens`) go on with the row above: nothing but units or limits (a unit cell's next paragraph),
 * or text that brings no units or limit the row above has already (a requirement run on in a row
 * of its own: `| | 继续推进…… | | |`) — the rest of a unit list or limit cut off above is none of
 * its own. Text with units of its own where the row above has some is a task of its own, under a
 * 序号 spanning both.
 */
function continuesAbove(cells: TypedCell[], above: TableRow, wrappedLine: boolean): boolean {
  let text = false;
  let units = false;
  let limit = false;
  for (const cell of cells) {
    if (!cell.text) continue;
    if (holdsText(cell)) text = true;
    else if (cell.kind === 'units') units ||= cutCellAbove(above, cell, wrappedLine) < 0;
    else if (cell.kind === 'deadline') limit ||= cutCellAbove(above, cell, wrappedLine) < 0;
  }
  const owns = (kind: ColumnKind) => above.cells.some((c) => c.kind === kind && c.text);
  return !text || (!(units && owns('units')) && !(limit && owns('deadline')));
}

/**
 * The cell of the row above (its index) that a cell going on with it continues, where that one was
 * cut: a sentence after a comma (or anywhere, in a row of pipes, which is a line of text the cells
 * wrapped onto), a unit list after its 、 or inside a name, a limit whose rest is no limit
 * (2023年6月 / 底前). -1 where the cell is a paragraph of its own.
 */
function cutCellAbove(above: TableRow, cell: TypedCell, wrappedLine: boolean): number {
  const text = holdsText(cell);
  const at = above.cells.findLastIndex((c) => c.text !== '' && (text ? holdsText(c) : c.kind === cell.kind && c.role === cell.role));
  const before = above.cells[at];
  return before !== undefined && (MID_SENTENCE.test(before.text) || cutInside(before, cell, wrappedLine)) ? at : -1;
}

/** Whether a cell is the rest of the one above, cut where no comma stood. */
function cutInside(before: TypedCell, cell: TypedCell, wrappedLine: boolean): boolean {
  if (holdsText(cell)) return wrappedLine;
  if (cell.kind === 'units') return !isUnitName(unitPieces(before.text).at(-1) ?? '');
  return cell.kind === 'deadline' && !isDeadlineCell(cell.text);
}

/** The cells of a row that goes on with the one above, added to it: each in the cell it continues, or as that one's next paragraph. */
function joinRows(above: TableRow, cells: TypedCell[], wrappedLine: boolean): void {
  for (const cell of cells) {
    if (!cell.text) continue;
    const at = cutCellAbove(above, cell, wrappedLine);
    const before = above.cells[at];
    if (before) {
      const text = before.text + cell.text;
      above.cells[at] = { ...before, text, line: { ...before.line, text, lastLine: cell.line.lastLine ?? cell.line.line } };
    } else above.cells.push(cell);
  }
}

/** A cell that starts a row's work or heads the rows under it: a 序号, a category, a numbered cell. */
const opens = (cell: TypedCell) => cell.text !== '' && (cell.kind === 'seq' || cell.kind === 'category' || cell.kind === 'outside' || matchMarker(cell.text) !== null);

/**
 * In a row rebuilt from flattened text, positions or tabs, a task that names no unit answering for
 * it (牵头 or 责任) lost the cell that did to a rowspan: its empty or missing cells of those units
 * are the ones above. A row that names one (a 牵头 unit, its 责任 cell left empty) lost nothing, and
 * an empty 配合 cell is a task no one supports.
 */
function fillFromAbove(row: TableRow, table: TableState, mayHaveLostCells: boolean): TableRow {
  const holdsWork = row.cells.some((c) => (c.kind === 'requirement' || c.kind === 'task' || c.kind === 'seq') && c.text);
  const answered = row.cells.some((c) => c.kind === 'units' && c.role !== 'support' && c.text);
  table.columns.forEach((column, index) => {
    if (column.kind !== 'units' || column.role === 'support') return;
    const own = row.cells.find((c) => c.kind === 'units' && c.role === (column.role ?? null) && c.text);
    if (own) {
      table.unitsAbove.set(index, own);
      return;
    }
    const above = table.unitsAbove.get(index);
    // Left empty, or skipped before a later cell: covered by the cell above. Missing at the end
    // of a row, it may as well have been cut off with the rest of the row.
    const covered = row.cells.some((c) => c.kind === 'units' && c.role === (column.role ?? null)) || row.cells.some((c) => c.text && columnIndexOf(table, c) > index);
    if (mayHaveLostCells && !answered && above && holdsWork && covered) {
      row.cells = row.cells.filter((c) => !(c.kind === 'units' && c.role === (column.role ?? null)));
      row.cells.push({ ...above, line: row.line });
    }
  });
  return row;
}

/** The column a typed cell was aligned to (cells keep their kind and role, not the index). */
function columnIndexOf(table: TableState, cell: TypedCell): number {
  return table.columns.findIndex((c) => c.kind === cell.kind && (c.role ?? null) === cell.role);
}

/**
 * A short task column that some rows skip is a category spanning rows (contract §2.2 rule 4):
 * its cells head sections, and the rows under it have no title of their own.
 */
function decideCategories(table: TableState): void {
  const taskColumn = table.columns.findIndex((c) => c.kind === 'task');
  if (taskColumn < 0 || !table.columns.some((c) => c.kind === 'requirement')) return;
  const working = table.rows.filter((r) => r.cells.some((c) => c.kind === 'requirement' && c.text));
  const taskOf = (row: TableRow) => row.cells.find((c) => c.kind === 'task' && c.text)?.text;
  // Skipped, not left empty: a page or sheet keeps the empty cell of a row without a task name.
  const skipped = working.some((r) => !r.cells.some((c) => c.kind === 'task'));
  // A reader says which cells a rowspan covers (and repeats them); text pasted from a page only repeats them.
  const spanned = working.some((r) => r.cells.some((c) => c.kind === 'task' && c.spanned));
  const repeated = spanned || working.some((r, i) => i > 0 && taskOf(r) !== undefined && taskOf(r) === taskOf(working[i - 1]!));
  if (!skipped && !repeated) return;
  for (const row of table.rows) for (const cell of row.cells) if (cell.kind === 'task') cell.kind = 'category';
}

/** Header cells standing as lines of their own (目标 / 任务 / 主要内容 / 责任单位). */
function headerLinesAt(pieces: ReturnType<typeof recoverGrids>, at: number): { count: number; columns: Column[] } | null {
  const texts: string[] = [];
  for (let k = at; k < pieces.length; k++) {
    const piece = pieces[k]!;
    if (piece.kind !== 'line' || piece.line.text.length > HEADER_LINE_MAX * 2) break;
    const word = piece.line.text.replace(/\s+/g, '');
    if (!word || word.length > HEADER_LINE_MAX || meaningOf(word) === null) break;
    texts.push(word);
  }
  if (texts.length < HEADER_LINES_MIN) return null;
  const columns = headerColumns(texts);
  if (!columns || !columns.some((c) => c.kind === 'units' || c.kind === 'deadline')) return null;
  return { count: texts.length, columns };
}

/**
 * Under a header of lines, a numbered task cell followed by its requirement numbered the same
 * (1.做好政策解读 / 1.重要政策出台后……) is one row, with the unit and limit lines that close it
 * (the 牵头 line before the 配合 one, as the header has them; none past its columns) and any lines
 * of text before those.
 * Null where the next line does not repeat the number.
 */
function numberedRowAt(pieces: Piece[], at: number, columns: Column[]): { cells: TypedCell[]; count: number } | null {
  const first = pieces[at]!;
  const second = pieces[at + 1];
  if (first.kind !== 'line' || second?.kind !== 'line') return null;
  const task = matchMarker(first.line.text);
  const requirement = task && matchMarker(second.line.text);
  if (!requirement || requirement.style !== task.style || requirement.ordinal !== task.ordinal) return null;
  const cells: TypedCell[] = [
    { kind: 'task', role: null, text: first.line.text, line: first.line },
    { kind: 'requirement', role: null, text: requirement.rest, line: { ...second.line, text: requirement.rest } },
  ];
  const plain = (k: number) => {
    const piece = pieces[k];
    return piece?.kind === 'line' && !matchMarker(piece.line.text) ? piece.line : undefined;
  };
  const cellAt = (k: number) => {
    const line = plain(k);
    return line && asCell(line, columns).column;
  };
  let end = at + 2;
  let text = end;
  while (plain(text) && !cellAt(text)) text++;
  if (cellAt(text)) for (; end < text; end++) cells.push({ kind: 'requirement', role: null, text: plain(end)!.text, line: plain(end)! });
  // A cell line each column at most: a closing paragraph or a signature's date after the last row is none of its.
  const unitColumns = columns.filter((c) => c.kind === 'units');
  let units = 0;
  let limits = columns.filter((c) => c.kind === 'deadline').length;
  for (; cellAt(end); end++) {
    const line = plain(end)!;
    if (cellAt(end)!.kind === 'deadline') {
      if (limits-- === 0) break;
      cells.push({ kind: 'deadline', role: null, text: line.text, line });
    } else {
      if (units === unitColumns.length) break;
      cells.push({ kind: 'units', role: unitColumns[units++]!.role ?? 'responsible', text: line.text, line });
    }
  }
  return { cells, count: end - at };
}

/** Under a header of lines, a line that is only units or only a time limit is that column's cell. */
function asCell(line: SourceLine, columns: Column[]): SourceLine {
  const units = columns.find((c) => c.kind === 'units');
  if (units && isUnitsCell(line.text)) return { ...line, column: { kind: 'units', role: units.role ?? 'responsible' } };
  if (columns.some((c) => c.kind === 'deadline') && isDeadlineCell(line.text) && !matchMarker(line.text)) return { ...line, column: { kind: 'deadline', role: 'responsible' } };
  return line;
}
