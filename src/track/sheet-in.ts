// A returned sheet, xlsx (read by xlsx-cells.ts) or csv, as rows of named cells: columns found by
// their header wherever they are, extra columns ignored.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { decodeText } from '../read/decode-text.js';
import { csvRows } from '../read/sheet/csv.js';
import { readTitleRow, SHEET_COLUMNS, type SheetColumn } from './sheet.js';
import { worksheetGrids } from './xlsx-cells.js';

/** A data row: its number in the sheet (1-based) and its cells by column. */
export interface SheetRow {
  line: number;
  cells: Partial<Record<SheetColumn, string>>;
}

export interface ReturnedSheet {
  /** The worksheet's name, for messages; '' for a csv. */
  name: string;
  /** What the title row above the header says, when it is there. */
  title: { plan: string | null; unit: string } | null;
  hasKeys: boolean;
  rows: SheetRow[];
}

/** The header is looked for in the first rows only. */
const HEADER_SEARCH_ROWS = 10;
const HEADERS = new Map<string, SheetColumn>(Object.entries(SHEET_COLUMNS).map(([column, header]) => [header, column as SheetColumn]));

/** The sheet in a grid of cell texts, or null when no row of the first ones is a header. */
function sheetOf(name: string, grid: readonly string[][]): ReturnedSheet | null {
  const normalise = (text: string) => text.replace(/^\ufeff/, '').replace(/\s+/g, '');
  const headerIndex = grid.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => {
    const cells = row.map(normalise);
    return cells.includes(SHEET_COLUMNS.task) && cells.includes(SHEET_COLUMNS.number);
  });
  if (headerIndex === -1) return null;
  const columns = grid[headerIndex]!.map((cell) => HEADERS.get(normalise(cell)));
  const title = grid.slice(0, headerIndex).flat().map((cell) => readTitleRow(cell.trim())).find((found) => found !== null) ?? null;
  const rows = grid.slice(headerIndex + 1).flatMap((row, index): SheetRow[] => {
    const cells: SheetRow['cells'] = {};
    row.forEach((text, column) => {
      const key = columns[column];
      if (key !== undefined && text.trim() !== '') cells[key] = text.trim();
    });
    return Object.keys(cells).length === 0 ? [] : [{ line: headerIndex + index + 2, cells }];
  });
  return { name, title, hasKeys: columns.includes('key'), rows };
}

/** The sheets of a returned file that have a header row; throws when none has. */
export async function readReturnedSheets(file: string): Promise<ReturnedSheet[]> {
  const bytes = await readFile(file);
  const extension = extname(file).toLowerCase();
  let grids: { name: string; grid: string[][] }[];
  if (extension === '.xlsx') grids = worksheetGrids(bytes);
  else if (extension === '.csv') grids = [{ name: '', grid: csvRows(decodeText(bytes, { name: file }).text, ',') }];
  else throw new InputError(`not a returned sheet (expected .xlsx or .csv)`);
  const sheets = grids.flatMap(({ name, grid }) => sheetOf(name, grid) ?? []);
  if (sheets.length === 0) {
    throw new InputError(`no header row (${SHEET_COLUMNS.number}, ${SHEET_COLUMNS.task}, …) in the first ${HEADER_SEARCH_ROWS} rows`);
  }
  return sheets;
}
