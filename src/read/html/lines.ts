// The article's DOM → lines: every block (<p>, <div>, <li>, <h1>…, a <br>-separated run) is a
// line; tables become rows or lines depending on what they are.

import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { hasNestedTable, isBlock, linkDensity, textOf } from './dom.js';
import { buildGrid, readTable, tableRowLines } from './table.js';
import { collapseLine, labelText } from './text.js';
import { CHROME_LINE_MAX, CHROME_LINES } from './vocabulary.js';
import { ALL_DISCLOSURE_LABELS } from '../../vocabulary/disclosure.js';

/** The number Word draws for a list item, padded with &nbsp; to the text's indent. */
const WORD_LIST_NUMBER = /mso-list\s*:\s*ignore/i;

const DISCLOSURE_LINE = new RegExp(`^(?:${ALL_DISCLOSURE_LABELS.filter((label) => label.length > 1).join('|')})[:：]`);

/** A line that is site chrome or a disclosure-block entry (those go to metaHints instead). */
function isChromeLine(line: string): boolean {
  if (DISCLOSURE_LINE.test(labelText(line.slice(0, 12)))) return true;
  return line.length <= CHROME_LINE_MAX && CHROME_LINES.some((pattern) => pattern.test(line));
}

class LineWriter {
  readonly lines: string[] = [];
  private pending = '';

  /** Cells of a data table hold content only; chrome lines are looked for outside them. */
  constructor(private readonly dropsChrome: boolean) {}

  add(text: string): void {
    this.pending += text;
  }

  /** Close the line being written, if it holds any text. */
  end(): void {
    const line = collapseLine(this.pending);
    this.pending = '';
    if (line && !(this.dropsChrome && isChromeLine(line))) this.lines.push(line);
  }

  push(lines: string[]): void {
    this.end();
    for (const line of lines) this.lines.push(line);
  }
}

export interface ArticleText {
  lines: string[];
  /** One entry per task or data table whose spans had to be repaired. */
  tableProblems: string[];
}

const BLOCK_END = Symbol('block end');

export function articleLines(root: Element): ArticleText {
  const out = new LineWriter(true);
  const tableProblems: string[] = [];
  // Iterative, with a mark on the stack where a block ends: pages nest deeper than the call stack goes.
  const walk = (start: AnyNode, writer: LineWriter): void => {
    const stack: (AnyNode | typeof BLOCK_END)[] = [start];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (node === BLOCK_END) writer.end();
      else if (isText(node)) writer.add(node.data);
      else if (!isTag(node)) continue;
      else if (node.name === 'br') writer.end();
      else if (WORD_LIST_NUMBER.test(node.attribs['style'] ?? '')) writer.add(collapseLine(textOf(node)));
      else if (node.name === 'table') writeTable(node, writer);
      else {
        if (isBlock(node)) {
          writer.end();
          stack.push(BLOCK_END);
        }
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
      }
    }
  };
  const cellLines = (cell: Element): string[] => {
    const writer = new LineWriter(false);
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
    writer.push(tableRowLines(grid, reading.headerRows));
  };
  walk(root, out);
  out.end();
  return { lines: out.lines, tableProblems };
}
