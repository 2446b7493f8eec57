// `parse --explain`: what became of every line of the cleaned input, so that nothing is lost
// silently. Each dropped line with its number and reason; with the ledger's `lines`, every line's
// fate (preamble, section heading, task, dropped); and a count per fate.

import type { DroppedLine, Ledger, LineFate, Origin } from '../model.js';
import type { ExportOptions } from './types.js';
import { displayWidth, padEnd, shorten } from './width.js';

const FATES: readonly LineFate['fate'][] = ['preamble', 'heading', 'task', 'dropped'];
/** Below this, a line's text says too little to be worth shortening to. */
const MIN_TEXT_WIDTH = 20;
/** The widest id or reason column; longer reasons are shortened rather than push the text away. */
const MAX_DETAIL_WIDTH = 24;

interface Row {
  /** The line number, or where the line stands in a document without lines (see placeOf). */
  line: number | string;
  fate?: string;
  detail: string;
  text: string;
}

/** Rows as aligned columns: line number, fate, id or reason, then the text cut to the width. */
function table(rows: readonly Row[], width: number): string[] {
  // Loops, not Math.max(...rows): a million lines are more arguments than a call can take.
  let numberWidth = 0;
  let fateWidth = 0;
  let detailWidth = 0;
  for (const row of rows) {
    numberWidth = Math.max(numberWidth, displayWidth(String(row.line)));
    fateWidth = Math.max(fateWidth, row.fate?.length ?? 0);
    if (detailWidth < MAX_DETAIL_WIDTH) detailWidth = Math.min(MAX_DETAIL_WIDTH, Math.max(detailWidth, displayWidth(row.detail)));
  }
  return rows.map((row) => {
    const columns = [typeof row.line === 'number' ? String(row.line).padStart(numberWidth) : padEnd(row.line, numberWidth)];
    if (fateWidth > 0) columns.push(padEnd(row.fate ?? '', fateWidth));
    columns.push(padEnd(shorten(row.detail, detailWidth), detailWidth));
    const head = `  ${columns.join('  ')}  `;
    return head + shorten(row.text, Math.max(MIN_TEXT_WIDTH, width - displayWidth(head)));
  });
}

/**
 * Where a line stands, as its reader can say: a PDF's page and line on the page (p3 l12), a
 * sheet's name and row (分工表 r5), else the block (paragraph or table row) of a page or Word file
 * (¶17); for text, its line number.
 */
export function placeOf(line: number, origin: Origin | undefined): number | string {
  if (!origin) return line;
  if (origin.page !== undefined) return `p${origin.page} l${origin.pageLine}`;
  if (origin.sheet !== undefined) return `${origin.sheet} r${origin.row}`;
  return `¶${origin.block}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function explainLedger(ledger: Ledger, { width = 80 }: ExportOptions = {}): string {
  const dropped = ledger.dropped ?? [];
  const out = [ledger.source.name];
  if (ledger.lines !== undefined) {
    out.push('', 'every line:');
    for (const row of table(ledger.lines.map((line) => ({ line: placeOf(line.line, line.origin), fate: line.fate, detail: line.id !== undefined && line.reason !== undefined ? `${line.id} ${line.reason}` : (line.id ?? line.reason ?? ''), text: line.text })), width)) out.push(row);
  }
  const origins = new Map((ledger.lines ?? []).map((line) => [line.line, line.origin]));
  const droppedRow = (line: DroppedLine): Row => ({ line: placeOf(line.line, origins.get(line.line)), detail: line.reason, text: line.text });
  out.push('', dropped.length === 0 ? 'dropped: none' : `dropped (${plural(dropped.length, 'line')}):`);
  for (const row of table(dropped.map(droppedRow), width)) out.push(row);
  out.push('');
  if (ledger.lines === undefined) {
    // Without the ledger's line fates, only the drops and the tasks can be counted.
    out.push(`${plural(ledger.tasks.length, 'task')}, ${plural(dropped.length, 'line')} dropped`);
  } else {
    const lines = ledger.lines;
    const counts = FATES.map((fate) => `${lines.filter((line) => line.fate === fate).length} ${fate}`);
    out.push(`${plural(lines.length, 'line')}: ${counts.join(' · ')}`);
  }
  return `${out.join('\n')}\n`;
}
