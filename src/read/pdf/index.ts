// The PDF reader: a PDF with a text layer → the same lines as a web page. PDF.js gives the text
// with positions; lines, running headers and footers, paragraphs across page breaks and ruled
// tables are rebuilt here, written as HTML and read by htmlToText like a Word file.

import { fileURLToPath } from 'node:url';
import { InputError } from '../../errors.js';
import type { Decoded } from '../../model.js';
import { escapeHtml } from '../html/escape.js';
import { htmlToText } from '../html/to-text.js';
import { checkStreams, checkTrailer } from './guard.js';
import { hasColumnGap, joinTables, linesOf, tablesOf, type Block, type Line, type PagePlace, type Rule, type Run, type Table } from './layout.js';
import { paragraphsOf, withoutRunningLines } from './paragraphs.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

const pdfjsPath = (folder: string): string => fileURLToPath(new URL(`../${folder}/`, import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs')));

/** What PDF.js's exceptions mean to the user, by their name. */
const FAILURES: Record<string, string> = {
  PasswordException: 'an encrypted PDF that needs a password; save it without one',
  InvalidPDFException: 'a damaged PDF (its structure cannot be read)',
};

async function openDocument(bytes: Uint8Array) {
  const pdfjs: PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // a copy: PDF.js takes the buffer over, and refuses a Buffer
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    stopAtErrors: true,
    cMapUrl: pdfjsPath('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: pdfjsPath('standard_fonts'),
  });
  try {
    return { pdfjs, document: await task.promise };
  } catch (error) {
    await task.destroy();
    throw failure(error);
  }
}

function failure(error: unknown): InputError {
  if (error instanceof InputError) return error;
  const { name, message } = error as Error;
  return new InputError(FAILURES[name] ?? `a damaged PDF: ${message}`);
}

function runsOf(items: readonly object[]): Run[] {
  const runs: Run[] = [];
  for (const item of items) {
    if (!('str' in item)) continue;
    const { str, transform, width } = item as { str: string; transform: number[]; width: number };
    if (!str.trim()) continue;
    runs.push({ text: str, x: transform[4]!, y: transform[5]!, width, size: Math.hypot(transform[2]!, transform[3]!) || 1 });
  }
  return runs;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: number[], n: Matrix): Matrix => [
  m[0]! * n[0] + m[1]! * n[2],
  m[0]! * n[1] + m[1]! * n[3],
  m[2]! * n[0] + m[3]! * n[2],
  m[2]! * n[1] + m[3]! * n[3],
  m[4]! * n[0] + m[5]! * n[2] + n[4],
  m[4]! * n[1] + m[5]! * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** A ruling line is at most this thick (points) and at least this long. */
const RULE_THICKNESS = 3;
const RULE_LENGTH = 6;
const PATH_MOVE = 0;
const PATH_LINE = 1;
const PATH_CURVE = 2;
const PATH_QUADRATIC = 3;

/** The horizontal and vertical ruling lines a page draws: thin rectangles and straight lines. */
async function rulesOf(page: PdfPage, pdfjs: PdfJs): Promise<{ horizontal: Rule[]; vertical: Rule[] }> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const horizontal: Rule[] = [];
  const vertical: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const addBox = (points: [number, number][]) => {
    if (points.length < 2) return;
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if (y1 - y0 <= RULE_THICKNESS && x1 - x0 >= RULE_LENGTH) horizontal.push({ at: (y0 + y1) / 2, from: x0, to: x1 });
    else if (x1 - x0 <= RULE_THICKNESS && y1 - y0 >= RULE_LENGTH) vertical.push({ at: (x0 + x1) / 2, from: y0, to: y1 });
  };
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[];
    if (fn === pdfjs.OPS.save) stack.push(ctm);
    else if (fn === pdfjs.OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === pdfjs.OPS.transform) ctm = multiply(args as number[], ctm);
    else if (fn === pdfjs.OPS.constructPath) {
      const path = (args[1] as ArrayLike<number>[] | undefined)?.[0] ?? [];
      let points: [number, number][] = [];
      for (let k = 0; k < path.length; ) {
        const op = path[k++]!;
        const take = op === PATH_MOVE || op === PATH_LINE ? 2 : op === PATH_CURVE ? 6 : op === PATH_QUADRATIC ? 4 : 0;
        if (op === PATH_MOVE) {
          addBox(points);
          points = [];
        }
        if (take) points.push(apply(ctm, path[k + take - 2]!, path[k + take - 1]!));
        k += take;
      }
      addBox(points);
    }
  });
  return { horizontal, vertical };
}

/** One page's text as lines and tables, top to bottom, each line and table row with its place on the page. */
async function pageBlocks(page: PdfPage, pdfjs: PdfJs, number: number): Promise<Block[]> {
  const runs = runsOf((await page.getTextContent()).items);
  const lines = linesOf(runs);
  // ruling lines are only looked for where text stands in columns: drawing costs time
  if (!lines.some(hasColumnGap)) return placed(lines.map((line) => ({ kind: 'line', line })), number);
  const { horizontal, vertical } = await rulesOf(page, pdfjs);
  const { tables, rest } = tablesOf(horizontal, vertical, runs);
  const blocks: (Block & { top: number })[] = [
    ...linesOf(rest).map((line) => ({ kind: 'line' as const, line, top: line.y })),
    ...tables.map(({ table, top }) => ({ kind: 'table' as const, table, top })),
  ];
  return placed(blocks.sort((a, b) => b.top - a.top), number);
}

/** Numbers a page's lines and table rows as a reader counts them down the page. */
function placed(blocks: Block[], page: number): Block[] {
  let line = 0;
  for (const block of blocks) {
    if (block.kind === 'line') block.line.at = { page, line: ++line };
    else block.table.rowsAt = block.table.slots.map(() => ({ page, line: ++line }));
  }
  return blocks;
}

export async function readPdf(bytes: Uint8Array, options: { name: string }): Promise<Decoded> {
  checkTrailer(bytes);
  checkStreams(bytes);
  const { pdfjs, document } = await openDocument(bytes);
  const pages: Block[][] = [];
  try {
    for (let number = 1; number <= document.numPages; number++) pages.push(await pageBlocks(await document.getPage(number), pdfjs, number));
  } catch (error) {
    throw failure(error);
  } finally {
    await document.destroy();
  }
  if (!pages.some((blocks) => blocks.length)) throw new InputError('a PDF with no text layer (a scan?); OCR is not supported');
  const { text, lineSources, metaHints, warnings } = htmlToText(documentHtml(joinPages(withoutRunningLines(pages))), { kind: 'document' });
  return { name: options.name, format: 'pdf', encoding: 'utf-8', text, lineSources, metaHints, warnings };
}

/** The pages' blocks in one sequence, a table that runs over a page break joined into one. */
function joinPages(pages: Block[][]): Block[] {
  const blocks: Block[] = [];
  for (const page of pages) {
    for (const [i, block] of page.entries()) {
      const previous = blocks.at(-1);
      const joined = i === 0 && previous?.kind === 'table' && block.kind === 'table' ? joinTables(previous.table, block.table) : null;
      if (joined) blocks[blocks.length - 1] = { kind: 'table', table: joined, top: 0 };
      else blocks.push(block);
    }
  }
  return blocks;
}

/** The attributes that tell htmlToText where a block stood. */
const placeAttributes = (at: PagePlace | undefined): string => (at ? ` data-page="${at.page}" data-line="${at.line}"` : '');

function tableHtml(table: Table): string {
  const { slots } = table;
  const rows = slots.map((row, r) => {
    const cells = row.flatMap((cell, c) => {
      if (slots[r - 1]?.[c] === cell || row[c - 1] === cell) return [];
      let rowspan = 1;
      while (slots[r + rowspan]?.[c] === cell) rowspan++;
      let colspan = 1;
      while (row[c + colspan] === cell) colspan++;
      return [`<td rowspan="${rowspan}" colspan="${colspan}">${escapeHtml(cell.text)}</td>`];
    });
    return `<tr${placeAttributes(table.rowsAt?.[r])}>${cells.join('')}</tr>`;
  });
  // Rebuilt from positions and ruling lines: its columns may be off where a cell was not ruled.
  return `<table data-columns="rebuilt">${rows.join('')}</table>`;
}

function documentHtml(blocks: Block[]): string {
  const lines: Line[] = blocks.flatMap((block) => (block.kind === 'line' ? [block.line] : []));
  const parts: string[] = [];
  for (const block of paragraphsOf(blocks, lines)) parts.push('text' in block ? `<p${placeAttributes(block.at)}>${escapeHtml(block.text)}</p>` : tableHtml(block));
  return `<html><body>${parts.join('\n')}</body></html>`;
}
