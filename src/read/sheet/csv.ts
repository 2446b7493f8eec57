// The CSV reader: comma- or tab-separated rows (decoded like any text: UTF-8 with or without a
// byte-order mark, GBK, …) read as one sheet.

import type { Decoded } from '../../model.js';
import { headerRow, MAX_SHEET_ROWS } from './table.js';
import { InputError } from '../../errors.js';

/** RFC 4180 rows: fields in double quotes may hold the separator, line breaks and doubled quotes. */
export function csvRows(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  const endRow = () => {
    rows.push(row);
    if (rows.length > MAX_SHEET_ROWS) throw new InputError(`more than ${MAX_SHEET_ROWS} rows; no task table is that long`);
    row = [];
  };
  const separatorCode = separator.charCodeAt(0);
  let i = 0;
  while (i < text.length) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      // Quoted: runs to the quote that is not doubled; what follows it up to the separator is kept too.
      field = '';
      let from = ++i;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote === -1) {
          field += text.slice(from);
          i = text.length;
          break;
        }
        field += text.slice(from, quote);
        if (text.charCodeAt(quote + 1) === QUOTE) {
          field += '"';
          from = i = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      const end = fieldEnd(text, i, separatorCode);
      field += text.slice(i, end);
      i = end;
    } else {
      // Sliced, not built a character at a time: a CSV guess reads the start of every text file.
      const end = fieldEnd(text, i, separatorCode);
      field = text.slice(i, end);
      i = end;
    }
    row.push(field);
    if (i >= text.length) break;
    const code = text.charCodeAt(i++);
    if (code === separatorCode) {
      if (i === text.length) row.push('');
      continue;
    }
    if (code === CR && text.charCodeAt(i) === LF) i++;
    endRow();
  }
  // A last line that is one empty field (a quoted "" at the end) is no row.
  if (row.length > 1 || (row.length === 1 && row[0] !== '')) endRow();
  return rows;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Where an unquoted field starting at `from` ends: the separator, a line break or the end. */
function fieldEnd(text: string, from: number, separatorCode: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === separatorCode || code === LF || code === CR) break;
  }
  return i;
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
