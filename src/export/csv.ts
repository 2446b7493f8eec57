import { stringify } from 'csv-stringify/sync';
import type { Ledger } from '../model.js';
import { type Column, columnHeader, FOLLOW_UP_COLUMNS, TASK_COLUMNS } from './columns.js';
import type { ExportOptions, HeaderLanguage } from './types.js';

const COLUMNS = [...TASK_COLUMNS, ...FOLLOW_UP_COLUMNS];

/** What spreadsheets take for the start of a formula: a cell from an untrusted page must not run. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as text a spreadsheet will not evaluate: a would-be formula gets a leading '. */
export function formulaSafe(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** A table as CSV: a header row, then one row per item. */
export function csvOf<Row>(rows: readonly Row[], columns: readonly Column<Row>[], header: HeaderLanguage): string {
  const headerRow = columns.map((column) => columnHeader(column, header));
  const cells = rows.map((row) => columns.map((column) => formulaSafe(column.cell(row))));
  // The BOM makes Excel read the file as UTF-8 rather than in the local code page.
  return stringify([headerRow, ...cells], { bom: true });
}

/** The 台账 as a spreadsheet: one row per task. */
export function toCsv(ledger: Ledger, { header = 'zh' }: ExportOptions): string {
  return csvOf(ledger.tasks, COLUMNS, header);
}
