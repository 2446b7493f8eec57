// The CSV reader: comma- or tab-separated rows (decoded like any text: UTF-8 with or without a
// byte-order mark, GBK, …) read as one sheet.

import type { Decoded } from '../../model.js';
import { headerRow, MAX_SHEET_ROWS } from './table.js';
import { InputError } from '../../errors.js';

/** RFC 4180 rows: fields in double quotes may hold the separator, line breaks and doubled quotes. */
export function csvRows(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      if (rows.length > MAX_SHEET_ROWS) throw new InputError(`more than ${MAX_SHEET_ROWS} rows; no task table is that long`);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

const CSV_NAME = /\.(?:csv|tsv)$/i;
/** A sheet's title rows and header fit in this much of its text. */
const HEADER_SEARCH_CHARS = 2048;

/**
 * Decoded text as a CSV sheet, or null when it is not one: a .csv file, or any text whose first
 * rows hold a task header when split at commas or tabs.
 */
export async function readCsv(text: string, source: { name: string; encoding: string }): Promise<Decoded | null> {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const separator = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const named = CSV_NAME.test(source.name.replace(/[?#].*$/, ''));
  if (!named && headerRow(csvRows(text.slice(0, HEADER_SEARCH_CHARS), separator)) === null) return null;
  const rows = csvRows(text, separator);
  // Loaded only for a sheet: it brings the HTML reader.
  const { decodedSheets } = await import('./read.js');
  return decodedSheets([{ name: source.name, rows, merges: [] }], { ...source, format: 'csv' });
}
