import { stringify } from 'csv-stringify/sync';
import type { Ledger } from '../model.js';
import { columnHeader, FOLLOW_UP_COLUMNS, TASK_COLUMNS } from './columns.js';
import type { ExportOptions } from './types.js';

const COLUMNS = [...TASK_COLUMNS, ...FOLLOW_UP_COLUMNS];

/** The 台账 as a spreadsheet: one row per task. */
export function toCsv(ledger: Ledger, { header = 'zh' }: ExportOptions): string {
  const headerRow = COLUMNS.map((column) => columnHeader(column, header));
  const rows = ledger.tasks.map((task) => COLUMNS.map((column) => column.cell(task)));
  // The BOM makes Excel read the file as UTF-8 rather than in the local code page.
  return stringify([headerRow, ...rows], { bom: true });
}
