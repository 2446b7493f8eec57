// The Word 97–2003 reader: a .doc (or a .wps in the same container) → the same lines as a web page.
// word-extractor gives the body as text: paragraphs end with a newline and each table cell with a
// tab (Word's cell mark). A row's own end mark becomes a newline when word-extractor finds the
// row's properties, and a tab when they are stored out of line (a wide table's, in the Data
// stream): then a row ends with an empty cell, and the whole table stands on one line.
// Automatic list numbers and merged cells are not in that text (a cell merged down is empty in
// the rows below its first).

import { InputError } from '../../errors.js';
import type { Decoded } from '../../model.js';
import { escapeHtml } from '../html/escape.js';
import { htmlToText } from '../html/to-text.js';

/**
 * The rows of a table whose row ends are tabs: its cells with an empty one after each row. The
 * header row (the first) has no empty cell, so the first empty one gives the table's width; a row
 * of another width (cells merged across) ends at its first empty cell. Null when the cells do
 * not fall into at least two rows that way.
 */
export function rowsByWidth(cells: string[]): string[][] | null {
  const width = cells.indexOf('');
  if (width < 2) return null;
  const rows: string[][] = [];
  for (let start = 0; start < cells.length; ) {
    let end = start + width;
    if (end < cells.length && cells[end] !== '') end = cells.indexOf('', start);
    if (end < 0) end = cells.length;
    rows.push(cells.slice(start, end));
    start = end + 1;
  }
  return rows.length >= 2 ? rows : null;
}

/** The body text of a .doc as HTML: paragraphs, and table rows. */
export function docBodyHtml(body: string): string {
  const parts: string[] = [];
  let rows: string[] = [];
  const flushTable = () => {
    // word-extractor drops merged cells: the cells after one stand a column to the left.
    if (rows.length) parts.push(`<table data-columns="rebuilt">${rows.join('')}</table>`);
    rows = [];
  };
  const paragraphs = (text: string) => text.split('\n').filter((p) => p.trim());
  const row = (cells: string[]) => `<tr>${cells.map((cell) => `<td>${paragraphs(cell).map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</td>`).join('')}</tr>`;
  // A piece ends with a row's tab and the newline after it: one row, or a whole table whose row
  // ends are tabs. It starts after the paragraph before its first cell.
  for (const piece of body.replace(/\r\n?/g, '\n').split(/(?<=\t\n)/)) {
    if (!piece.endsWith('\t\n')) {
      flushTable();
      for (const p of paragraphs(piece)) parts.push(`<p>${escapeHtml(p)}</p>`);
      continue;
    }
    const firstCell = piece.indexOf('\t');
    const before = piece.lastIndexOf('\n', firstCell);
    const continuesTable = before < 0 && rows.length > 0;
    if (before >= 0) {
      flushTable();
      for (const p of paragraphs(piece.slice(0, before))) parts.push(`<p>${escapeHtml(p)}</p>`);
    }
    const cells = piece.slice(before + 1, -2).split('\t');
    const tableRows = continuesTable ? null : rowsByWidth(cells);
    for (const cellsOfRow of tableRows ?? [cells]) rows.push(row(cellsOfRow));
  }
  flushTable();
  return `<html><body>${parts.join('\n')}</body></html>`;
}

export async function readDoc(bytes: Uint8Array, options: { name: string }): Promise<Decoded> {
  const { default: WordExtractor } = await import('word-extractor');
  let body: string;
  try {
    body = (await new WordExtractor().extract(Buffer.from(bytes))).getBody({ filterUnicode: false });
  } catch (error) {
    throw new InputError(`a Word 97–2003 file that cannot be read: ${(error as Error).message}`);
  }
  const { text, lineSources, metaHints, warnings } = htmlToText(docBodyHtml(body), { kind: 'document' });
  return { name: options.name, format: 'doc', encoding: 'utf-8', text, lineSources, metaHints, warnings };
}
