// The Word 97–2003 reader: a .doc (or a .wps in the same container) → the same lines as a web page.
// word-extractor gives the body as text: paragraphs end with a newline, each table cell with a tab
// and each table row with one more. Automatic list numbers and merged cells are not in that text.

import { InputError } from '../../errors.js';
import type { Decoded } from '../../model.js';
import { escapeHtml } from '../html/escape.js';
import { htmlToText } from '../html/to-text.js';

/** The body text of a .doc as HTML: paragraphs, and table rows (a row ends with two tabs). */
export function docBodyHtml(body: string): string {
  const parts: string[] = [];
  let rows: string[] = [];
  const flushTable = () => {
    if (rows.length) parts.push(`<table>${rows.join('')}</table>`);
    rows = [];
  };
  // A row runs from the end of the paragraph before its first cell to its two tabs.
  const paragraphs = (text: string) => text.split('\n').filter((p) => p.trim());
  for (const piece of body.replace(/\r\n?/g, '\n').split(/(?<=\t\t)/)) {
    if (!piece.endsWith('\t\t')) {
      flushTable();
      for (const p of paragraphs(piece)) parts.push(`<p>${escapeHtml(p)}</p>`);
      continue;
    }
    const firstCell = piece.indexOf('\t');
    const before = piece.lastIndexOf('\n', firstCell);
    if (before >= 0) {
      flushTable();
      for (const p of paragraphs(piece.slice(0, before))) parts.push(`<p>${escapeHtml(p)}</p>`);
    }
    const cells = piece.slice(before + 1, -2).split('\t');
    rows.push(`<tr>${cells.map((cell) => `<td>${paragraphs(cell).map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</td>`).join('')}</tr>`);
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
  const { text, lineSources, warnings } = htmlToText(docBodyHtml(body), { kind: 'document' });
  return { name: options.name, format: 'doc', encoding: 'utf-8', text, lineSources, warnings };
}
