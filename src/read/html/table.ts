// Tables: expand rowspan/colspan into a full grid, tell task tables from layout and metadata
// tables, and write a task table as `cell | cell | cell |` rows.

import { isTag, type Element } from 'domhandler';
import { CELL_PARAGRAPH, headerColumns } from '../../vocabulary/columns.js';
import { spanAttribute, textOf } from './dom.js';
import { labelText, squeeze } from './text.js';
import { disclosureField, type DisclosureField } from '../../vocabulary/disclosure.js';

export interface GridCell {
  element: Element;
  /** The cell's paragraphs, already collapsed. */
  lines: string[];
  /** Grid row and column where the cell starts. */
  row: number;
  column: number;
}

export interface Grid {
  /** rows[r][c]: the cell covering that slot (a spanning cell appears in every slot it covers). */
  rows: (GridCell | undefined)[][];
  width: number;
  /** What was wrong with the spans (clipped, overlapping, not a number). */
  problems: string[];
}

/** The table's own rows, not those of tables nested in its cells. */
export function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (parent: Element): void => {
    for (const child of parent.children) {
      if (!isTag(child)) continue;
      if (child.name === 'tr') rows.push(child);
      else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

const MAX_COLSPAN = 1000; // the HTML table model's own limit

/**
 * Lay the cells out on a grid as a browser does. A span past the table's edge is clipped; a cell
 * that would overlap one placed earlier gives way to it. Only columns where some cell starts are
 * kept, so a colspan past the right edge adds no phantom columns.
 */
export function buildGrid(table: Element, cellLines: (cell: Element) => string[]): Grid {
  const trs = ownRows(table);
  const slots: (GridCell | undefined)[][] = trs.map(() => []);
  const problems = new Set<string>();
  trs.forEach((tr, r) => {
    let column = 0;
    for (const td of tr.children) {
      if (!isTag(td) || (td.name !== 'td' && td.name !== 'th')) continue;
      while (slots[r]![column]) column++;
      const cell: GridCell = { element: td, lines: cellLines(td), row: r, column };
      const colspan = clampSpan(spanAttribute(td, 'colspan'), MAX_COLSPAN, 'colspan', problems);
      const rowsLeft = trs.length - r;
      const rawRowspan = spanAttribute(td, 'rowspan');
      const rowspan = rawRowspan === 0 ? rowsLeft : clampSpan(rawRowspan, rowsLeft, 'rowspan', problems);
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) {
          const row = slots[r + dr]!;
          if (row[column + dc]) problems.add('cells overlap');
          else row[column + dc] = cell;
        }
      }
      column += colspan;
    }
  });
  return { ...keepStartedColumns(slots), problems: [...problems] };
}

function clampSpan(value: number | null, limit: number, name: string, problems: Set<string>): number {
  if (value === null || value < 1) {
    problems.add(`${name} is not a positive number`);
    return 1;
  }
  if (value > limit) {
    problems.add(`${name} reaches past the table's edge`);
    return limit;
  }
  return value;
}

function keepStartedColumns(slots: (GridCell | undefined)[][]): { rows: (GridCell | undefined)[][]; width: number } {
  const started = new Set<number>();
  for (const row of slots) row.forEach((cell, c) => cell && cell.column === c && started.add(c));
  const keep = [...started].sort((a, b) => a - b);
  const cells = new Set(slots.flat());
  for (const cell of cells) if (cell) cell.column = keep.indexOf(cell.column);
  return { rows: slots.map((row) => keep.map((c) => row[c])), width: keep.length };
}

// ---- what a table is ----

export type TableKind = 'metadata' | 'task' | 'data' | 'layout';

export interface TableReading {
  kind: TableKind;
  /** Task tables: the header rows (two when header cells span a second header row). */
  headerRows: number[];
}

const LABEL_MAX = 12;

/** The label a cell holds, as “索 引 号：” → 索引号, if it is one of the disclosure labels. */
export function disclosureLabel(text: string): DisclosureField | null {
  if (squeeze(text).length > LABEL_MAX) return null;
  const label = labelText(text).replace(/[:：]$/, '');
  return disclosureField(label);
}

const HEADER_SEARCH_ROWS = 4;

/**
 * Metadata: it labels 索引号/发文机关/… cells. Layout: one row or one column, or mostly links
 * (a table holding other tables is layout before it gets here). Task: a row near the top names
 * its columns the way the outline reads them (工作任务, 牵头单位, 完成时限 …). Anything else with
 * rows and columns is a data table.
 */
export function readTable(grid: Grid, linkDensity: number): TableReading {
  const cells = distinctCells(grid.rows.flat());
  if (cells.filter((cell) => disclosureLabel(textOf(cell.element)) !== null).length >= 2) return { kind: 'metadata', headerRows: [] };
  if (grid.rows.length < 2 || grid.width < 2 || linkDensity > 0.5) return { kind: 'layout', headerRows: [] };
  const header = findHeader(grid);
  return header ? { kind: 'task', headerRows: header } : { kind: 'data', headerRows: [] };
}

/** The row's cell texts, one per column, as the outline will read them. */
const headerCells = (row: (GridCell | undefined)[]): string[] => row.map((cell) => labelText(cell?.lines.join('') ?? ''));

function findHeader(grid: Grid): number[] | null {
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    if (!headerColumns(headerCells(grid.rows[r]!))) continue;
    // a second header row under cells that span it (责任单位 over 牵头单位 | 配合单位)
    const next = grid.rows[r + 1];
    const ownCells = next ? distinctCells(next).filter((cell) => cell.row === r + 1) : [];
    return ownCells.length >= 2 && headerColumns(headerCells(next!)) ? [r, r + 1] : [r];
  }
  return null;
}

function distinctCells(slots: (GridCell | undefined)[]): GridCell[] {
  return [...new Set(slots.filter((cell): cell is GridCell => cell !== undefined))];
}

// ---- writing a table as lines ----

export interface RowLine {
  text: string;
  /** The row element the line was written from (its attributes may say where it stood). */
  element: Element | null;
  /** Absent for a row written as plain lines (a full-width section or title row). */
  row?: { header: boolean; spanned: boolean[] };
}

/**
 * One line per row: `a | b | c |`. A rowspan cell's text is repeated in each row it covers (and
 * marked as spanned); a colspan cell's text stands in its first column. A row that is a single
 * cell (a full-width section row, a title row) becomes plain lines; header cells lose their white
 * space. A “|” in a cell becomes “｜”: in these lines a “|” is a cell border and nothing else.
 */
export function tableRowLines(grid: Grid, headerRows: number[]): RowLine[] {
  // the lowest header row's name for the column: 牵头单位 rather than the 责任单位 spanning it
  const headerText = (column: number): string =>
    headerRows.map((r) => squeeze(grid.rows[r]![column]?.lines.join('') ?? '')).filter(Boolean).at(-1) ?? '';
  const cellText = (cell: GridCell | undefined, column: number): string =>
    cell?.column === column ? cell.lines.map((line) => line.replace(/\|/g, '｜')).join(CELL_PARAGRAPH) : '';

  const texts = grid.rows.map((row, r) => row.map((cell, c) => (headerRows.includes(r) ? headerText(c) : cellText(cell, c))));
  const usedColumns = [...Array(grid.width).keys()].filter((c) => texts.some((row) => row[c]));
  const lines: RowLine[] = [];
  grid.rows.forEach((row, r) => {
    if (headerRows.includes(r) && r !== headerRows[0]) return;
    const cells = distinctCells(row);
    const element = rowElement(row, r);
    if (cells.length === 1 && !headerRows.includes(r)) {
      for (const text of cells[0]!.lines) lines.push({ text, element });
      return;
    }
    // A row with fewer cells than the table is wide (no span covers its last slots) was laid out
    // from the left by the browser, its cells shifted where a merged cell was lost: it is written
    // as short as it is, and the table stage places its cells by what they hold.
    const columns = headerRows.includes(r) ? usedColumns : usedColumns.slice(0, usedColumns.findLastIndex((c) => row[c] !== undefined) + 1);
    const rowTexts = columns.map((c) => texts[r]![c]!);
    if (!rowTexts.some(Boolean)) return;
    const spanned = columns.map((c) => row[c] !== undefined && row[c]!.row < r);
    lines.push({ text: `${rowTexts.join(' | ')} |`, element, row: { header: headerRows.includes(r), spanned } });
  });
  return lines;
}

/** The <tr> that grid row `r`'s own cells stand in (a row of cells spanned from above has none). */
function rowElement(row: (GridCell | undefined)[], r: number): Element | null {
  const parent = row.find((cell) => cell?.row === r)?.element.parent;
  return parent && isTag(parent) ? parent : null;
}
