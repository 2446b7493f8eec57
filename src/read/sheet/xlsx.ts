// The Excel reader: an .xlsx workbook → its sheets through exceljs, read like tables of a page.

import { InputError } from '../../errors.js';
import type { Decoded } from '../../model.js';
import { decodedSheets } from './read.js';
import { damagedFile, entriesOfFile, unpackedSize } from '../zip.js';
import { MAX_SHEET_ROWS, type Merge, type Sheet } from './table.js';

/** The sheets' XML together may hold this much; a workbook of a million empty rows holds more. */
const MAX_SHEET_XML_BYTES = 16 * 1024 * 1024;

/** Refuses a workbook whose sheets are larger than any task table before exceljs reads it whole. */
function checkSize(bytes: Uint8Array): void {
  // the sizes the archive declares; exceljs inflates no more than that
  const sheets = entriesOfFile(bytes, 'Excel workbook').filter((entry) => entry.name.startsWith('xl/worksheets/'));
  if (unpackedSize(sheets) > MAX_SHEET_XML_BYTES) throw new InputError(`a workbook whose sheets hold more than ${MAX_SHEET_XML_BYTES / 1024 / 1024} MB; no task table is that large`);
}

/** A1-style column letters → 0-based column. */
function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + letter.charCodeAt(0) - 64;
  return index - 1;
}

function mergeOf(range: string): Merge | null {
  const match = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/i.exec(range);
  if (!match) return null;
  return { top: Number(match[2]) - 1, left: columnIndex(match[1]!), bottom: Number(match[4]) - 1, right: columnIndex(match[3]!) };
}

export async function readXlsx(bytes: Uint8Array, options: { name: string }): Promise<Decoded> {
  checkSize(bytes);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw damagedFile('Excel workbook', error);
  }
  const sheets: Sheet[] = [];
  workbook.eachSheet((worksheet) => {
    if (worksheet.rowCount > MAX_SHEET_ROWS) throw new InputError(`sheet “${worksheet.name}” has ${worksheet.rowCount} rows; no task table has more than ${MAX_SHEET_ROWS}`);
    const rows: string[][] = [];
    worksheet.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cell.isMerged && cell.master !== cell ? '' : cell.text ?? '';
      });
      rows[number - 1] = Array.from(cells, (cell) => cell ?? '');
    });
    const merges = (worksheet.model.merges ?? []).map(mergeOf).filter((merge): merge is Merge => merge !== null);
    sheets.push({ name: worksheet.name, rows: Array.from(rows, (row) => row ?? []), merges });
  });
  return decodedSheets(sheets, { name: options.name, format: 'xlsx', encoding: 'utf-8' });
}
