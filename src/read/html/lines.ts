// The article's DOM → lines: every block (<p>, <div>, <li>, <h1>…, a <br>-separated run) is a
// line; tables become rows or lines depending on what they are. Chrome lines (breadcrumbs, bylines,
// buttons) are the clean stage's to drop, with a reason, as in text.

import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { hasNestedTable, isBlock, linkDensity, textOf } from './dom.js';
import { buildGrid, readTable, tableRowLines, type RowLine } from './table.js';
import type { LineSource, Origin } from '../../model.js';
import { collapseLine } from './text.js';

/** The number Word draws for a list item, padded with &nbsp; to the text's indent. */
const WORD_LIST_NUMBER = /mso-list\s*:\s*ignore/i;

/**
 * Where a block stood, as the reader that wrote the HTML said (a PDF's page and line, a sheet's
 * name and row, in data- attributes); a page or Word file says nothing.
 */
function originAttributes(element: Element): Omit<Origin, 'block'> | null {
  const { 'data-page': page, 'data-line': line, 'data-sheet': sheet, 'data-row': row } = element.attribs;
  if (page !== undefined) return { page: Number(page), pageLine: Number(line) };
  if (sheet !== undefined) return { sheet, row: Number(row) };
  return null;
}

class LineWriter {
  readonly lines: string[] = [];
  readonly sources: LineSource[] = [];
  private pending = '';
  private place: Omit<Origin, 'block'> | null = null;
  /** Lines of one block (split by <br>, or a cell's paragraphs) share its number. */
  private sameBlock = false;

  constructor(private readonly blocks: { count: number }) {}

  add(text: string): void {
    this.pending += text;
  }

  enter(element: Element): void {
    this.place = originAttributes(element) ?? this.place;
    this.sameBlock = false;
  }

  /** Close the line being written, if it holds any text; after a <br>, the block goes on. */
  end(lineBreak = false): void {
    const line = collapseLine(this.pending);
    this.pending = '';
    if (line) this.write(line, null);
    this.sameBlock = lineBreak && this.sameBlock;
  }

  private write(text: string, row: LineSource['row'] | null): void {
    if (!this.sameBlock) this.blocks.count++;
    this.sameBlock = true;
    this.lines.push(text);
    this.sources.push({ origin: { block: this.blocks.count, ...this.place }, ...(row ? { row } : {}) });
  }

  /** A table's lines, each row a block of its own. */
  writeRows(rows: RowLine[], table: number, rebuilt: boolean): void {
    this.end();
    for (const { text, element, row } of rows) {
      if (element) this.enter(element);
      this.write(text, row ? { table, ...row, ...(rebuilt ? { rebuilt } : {}) } : null);
    }
    this.sameBlock = false;
  }
}

export interface ArticleText {
  lines: string[];
  /** Where each line came from. */
  sources: LineSource[];
  /** One entry per task or data table whose spans had to be repaired. */
  tableProblems: string[];
}

const BLOCK_END = Symbol('block end');

export function articleLines(root: Element, blocks = { count: 0 }, tables = { count: 0 }): ArticleText {
  const out = new LineWriter(blocks);
  const tableProblems: string[] = [];
  // Iterative, with a mark on the stack where a block ends: pages nest deeper than the call stack goes.
  const walk = (start: AnyNode, writer: LineWriter): void => {
    const stack: (AnyNode | typeof BLOCK_END)[] = [start];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (node === BLOCK_END) writer.end();
      else if (isText(node)) writer.add(node.data);
      else if (!isTag(node)) continue;
      else if (node.name === 'br') writer.end(true);
      else if (WORD_LIST_NUMBER.test(node.attribs['style'] ?? '')) writer.add(collapseLine(textOf(node)));
      else if (node.name === 'table') writeTable(node, writer);
      else {
        if (isBlock(node)) {
          writer.end();
          writer.enter(node);
          stack.push(BLOCK_END);
        }
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
      }
    }
  };
  const cellLines = (cell: Element): string[] => {
    // Counted apart: a cell's paragraphs are not blocks of the document.
    const writer = new LineWriter({ count: 0 });
    walk(cell, writer);
    writer.end();
    return writer.lines;
  };
  const writeTable = (table: Element, writer: LineWriter): void => {
    // a table of tables is a page grid: no need to lay out its cells
    const grid = hasNestedTable(table) ? null : buildGrid(table, cellLines);
    const reading = grid && readTable(grid, linkDensity(table));
    if (reading?.kind === 'metadata') return writer.end();
    if (!grid || !reading || reading.kind === 'layout') {
      writer.end();
      for (const child of table.children) walk(child, writer);
      return writer.end();
    }
    if (grid.problems.length) tableProblems.push(grid.problems.join('; '));
    writer.writeRows(tableRowLines(grid, reading.headerRows), ++tables.count, table.attribs['data-columns'] === 'rebuilt');
  };
  walk(root, out);
  out.end();
  return { lines: out.lines, sources: out.sources, tableProblems };
}
