// A sheet (rows of cell texts, merged ranges) → HTML for htmlToText: the rows above the task header
// as paragraphs (the title), the rest as one table whose merged cells are spans, so that a merged
// category cell is repeated on every row it covers, as a rowspan is on a web page.

import { headerColumns } from '../../vocabulary/columns.js';
import { matchMarker } from '../../vocabulary/markers.js';
import { escapeHtml } from '../html/escape.js';

export interface Merge {
  /** 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  rows: string[][];
  merges: Merge[];
}

/** The header is looked for in this many rows from the top (a title and a blank row may stand above it). */
const HEADER_SEARCH_ROWS = 6;
/** No task table has this many rows; a sheet that does is refused before it is read. */
export const MAX_SHEET_ROWS = 100_000;

const cellHtml = (text: string) => text.split(/\r?\n/).filter((line) => line.trim()).map((line) => `<p>${escapeHtml(line.trim())}</p>`).join('');

/** The row where the task header is: its cells name the columns as a task table's do. */
export function headerRow(rows: string[][]): number | null {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) if (headerColumns(rows[r]!.map((cell) => cell.replace(/\s+/g, '')))) return r;
  return null;
}

/** A section's numbering styles: 一、 （二）. */
const SECTION_STYLES = new Set<string>(['一、', '（一）']);

/**
 * The heading a row holds alone, written so where no cell was merged (a CSV, a sheet whose heading
 * row was not merged across): its only cell, in the first column (not a 序号) or numbered as a
 * section is. A lone cell elsewhere is a task's further text, its other cells merged from above.
 */
function headingCell(row: string[]): string | null {
  let only = -1;
  for (let c = 0; c < row.length; c++) {
    if (!row[c]!.trim()) continue;
    if (only >= 0) return null;
    only = c;
  }
  if (only < 0) return null;
  const cell = row[only]!.trim();
  return (only === 0 && !/^\d+$/.test(cell)) || SECTION_STYLES.has(matchMarker(cell)?.style ?? '') ? cell : null;
}

/** The sheet as HTML, or null when it has no task header. */
export function sheetHtml(sheet: Sheet): string | null {
  const header = headerRow(sheet.rows);
  if (header === null) return null;
  // Where each row stands, for htmlToText: the sheet, and the row's number as the spreadsheet shows it.
  const place = (r: number) => ` data-sheet="${escapeHtml(sheet.name)}" data-row="${r + 1}"`;
  const parts = sheet.rows.slice(0, header).flatMap((row, r) => row.filter((cell) => cell.trim()).map((cell) => `<p${place(r)}>${escapeHtml(cell.trim())}</p>`));
  const covered = new Set<string>();
  const spans = new Map<string, Merge>();
  const mergedRows = new Set<number>();
  for (const merge of sheet.merges) {
    if (merge.bottom < header) continue;
    const top = Math.max(merge.top, header);
    spans.set(`${top},${merge.left}`, { ...merge, top });
    for (let r = top; r <= merge.bottom; r++) {
      mergedRows.add(r);
      for (let c = merge.left; c <= merge.right; c++) if (r !== top || c !== merge.left) covered.add(`${r},${c}`);
    }
  }
  const width = Math.max(...sheet.rows.map((row) => row.length));
  const rows: string[] = [];
  for (let r = header; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    if (!row.some((cell) => cell.trim()) && ![...Array(width).keys()].some((c) => covered.has(`${r},${c}`))) continue;
    const heading = r > header && !mergedRows.has(r) ? headingCell(row) : null;
    if (heading !== null) {
      rows.push(`<tr${place(r)}><td colspan="${width}">${cellHtml(heading)}</td></tr>`);
      continue;
    }
    const cells: string[] = [];
    for (let c = 0; c < width; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const span = spans.get(`${r},${c}`);
      const attributes = span ? ` rowspan="${span.bottom - span.top + 1}" colspan="${span.right - span.left + 1}"` : '';
      cells.push(`<td${attributes}>${cellHtml(row[c] ?? '')}</td>`);
    }
    rows.push(`<tr${place(r)}>${cells.join('')}</tr>`);
  }
  parts.push(`<table>${rows.join('')}</table>`);
  return parts.join('\n');
}

export interface SheetsText {
  html: string;
  /** Sheets left out, for a warning each. */
  skipped: string[];
}

/** The sheets in order as one HTML document; sheets without a task header are skipped. */
export function sheetsHtml(sheets: Sheet[]): SheetsText {
  const parts: string[] = [];
  const skipped: string[] = [];
  for (const sheet of sheets) {
    const html = sheetHtml(sheet);
    if (html === null) skipped.push(sheet.name);
    else parts.push(html);
  }
  return { html: `<html><body>${parts.join('\n')}</body></html>`, skipped };
}
