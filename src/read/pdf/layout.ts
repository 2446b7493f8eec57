// Positioned text of PDF pages → lines, tables and paragraphs. Coordinates are PDF user space:
// points, y upwards, baselines for text.

import { foldRadicals } from './fold.js';

/** A run of glyphs as PDF.js reports it: one string on one baseline. */
export interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** Where a printed line or a table row stands: the page, and its place among the page's lines and rows, top to bottom. */
export interface PagePlace {
  page: number;
  line: number;
}

export interface Line {
  runs: Run[];
  text: string;
  at?: PagePlace;
  y: number;
  x0: number;
  x1: number;
  size: number;
}

/** A ruling line: horizontal (y fixed, from..to along x) or vertical (x fixed, from..to along y). */
export interface Rule {
  at: number;
  from: number;
  to: number;
}

export interface Table {
  /** Column edges left to right. */
  xs: number[];
  /** slots[r][c]: the cell covering that slot; a spanning cell fills every slot it covers. */
  slots: TableCell[][];
  /** By column: the top or bottom edge is not ruled, as where a page break cut a cell in two. */
  openTop: boolean[];
  openBottom: boolean[];
  /** By row: where it stands. */
  rowsAt?: PagePlace[];
}

export interface TableCell {
  text: string;
}

export type Block = { kind: 'line'; line: Line } | { kind: 'table'; table: Table; top: number };

/** Baselines closer than this share of the font size are one line. */
const SAME_LINE = 0.4;
/** A gap wider than this many font sizes between runs separates columns. */
const COLUMN_GAP = 1.8;
/** Edges closer than this (points) are one edge. */
const EDGE_TOLERANCE = 2.5;

const LATIN_END = /[A-Za-z0-9.,;:%)]$/;
const LATIN_START = /^[A-Za-z0-9(]/;

/** Texts of a line's runs joined: nothing between CJK, a space where Latin words are apart. */
function joinRuns(runs: Run[]): string {
  let text = '';
  let previous: Run | undefined;
  for (const run of runs) {
    const gap = previous ? run.x - (previous.x + previous.width) : 0;
    text += previous && gap > run.size * 0.2 && LATIN_END.test(text) && LATIN_START.test(run.text) ? ` ${run.text}` : run.text;
    previous = run;
  }
  return foldRadicals(text.trim());
}

/** Runs grouped by baseline, top to bottom, each line left to right. */
export function linesOf(runs: Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const run of sorted) {
    const group = groups.at(-1);
    if (group && Math.abs(group[0]!.y - run.y) <= SAME_LINE * Math.max(group[0]!.size, run.size)) group.push(run);
    else groups.push([run]);
  }
  return groups
    .map((group) => {
      group.sort((a, b) => a.x - b.x);
      const last = group.at(-1)!;
      const size = Math.max(...group.map((run) => run.size));
      return { runs: group, text: joinRuns(group), y: group[0]!.y, x0: group[0]!.x, x1: last.x + last.width, size };
    })
    .filter((line) => line.text !== '');
}

/** Whether a line has runs far apart, as the cells of a table row are. */
export function hasColumnGap(line: Line): boolean {
  return line.runs.some((run, i) => i > 0 && run.x - (line.runs[i - 1]!.x + line.runs[i - 1]!.width) > COLUMN_GAP * run.size);
}

// ---- tables from ruling lines ----

/** Values within the tolerance merged, ascending. */
function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const value of [...values].sort((a, b) => a - b)) {
    if (out.length && value - out.at(-1)! <= EDGE_TOLERANCE) continue;
    out.push(value);
  }
  return out;
}

const covers = (rules: Rule[], at: number, point: number): boolean =>
  rules.some((rule) => Math.abs(rule.at - at) <= EDGE_TOLERANCE && rule.from - EDGE_TOLERANCE <= point && point <= rule.to + EDGE_TOLERANCE);

/**
 * The tables the ruling lines of a page draw, each with the runs inside it; runs outside every
 * table are returned as they came. A table is a stretch of page the vertical rules span.
 */
export function tablesOf(horizontal: Rule[], vertical: Rule[], runs: Run[]): { tables: { table: Table; top: number }[]; rest: Run[] } {
  const spans: { bottom: number; top: number }[] = [];
  for (const rule of [...vertical].sort((a, b) => a.from - b.from)) {
    const last = spans.at(-1);
    if (last && rule.from <= last.top + EDGE_TOLERANCE) last.top = Math.max(last.top, rule.to);
    else spans.push({ bottom: rule.from, top: rule.to });
  }
  let rest = runs;
  const tables: { table: Table; top: number }[] = [];
  for (const span of spans) {
    const inside = (y: number) => y >= span.bottom - EDGE_TOLERANCE && y <= span.top + EDGE_TOLERANCE;
    const vRules = vertical.filter((rule) => inside((rule.from + rule.to) / 2));
    const hRules = horizontal.filter((rule) => inside(rule.at));
    const xs = distinct(vRules.map((rule) => rule.at));
    if (xs.length < 3) continue; // two columns at least
    const ys = distinct([span.bottom, span.top, ...hRules.map((rule) => rule.at)]).reverse();
    const within = (run: Run) => inside(run.y + run.size * 0.3) && run.x + run.width / 2 >= xs[0]! && run.x + run.width / 2 <= xs.at(-1)!;
    tables.push({ table: buildTable(xs, ys, hRules, vRules, runs.filter(within)), top: span.top });
    rest = rest.filter((run) => !within(run));
  }
  return { tables, rest };
}

function buildTable(xs: number[], ys: number[], hRules: Rule[], vRules: Rule[], runs: Run[]): Table {
  const rows = ys.length - 1;
  const columns = xs.length - 1;
  const middleX = (c: number) => (xs[c]! + xs[c + 1]!) / 2;
  const middleY = (r: number) => (ys[r]! + ys[r + 1]!) / 2;
  const ruledRight = (r: number, c: number) => covers(vRules, xs[c + 1]!, middleY(r));
  const ruledBelow = (r: number, c: number) => covers(hRules, ys[r + 1]!, middleX(c));

  const slots: TableCell[][] = Array.from({ length: rows }, () => []);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (slots[r]![c]) continue;
      let colspan = 1;
      while (c + colspan < columns && !ruledRight(r, c + colspan - 1) && !slots[r]![c + colspan]) colspan++;
      let rowspan = 1;
      while (r + rowspan < rows && !ruledBelow(r + rowspan - 1, c)) rowspan++;
      const cell = { text: '' };
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) slots[r + dr]![c + dc] = cell;
    }
  }
  const cellRuns = new Map<TableCell, Run[]>();
  for (const run of runs) {
    const cell = slots[slotOf(ys, run.y + run.size * 0.3, true)]![slotOf(xs, run.x + run.width / 2, false)]!;
    cellRuns.set(cell, [...(cellRuns.get(cell) ?? []), run]);
  }
  // a cell's lines are one paragraph, wrapped
  for (const [cell, list] of cellRuns) cell.text = linesOf(list).map((line) => line.text).join('');
  return {
    xs,
    slots,
    openTop: xs.slice(1).map((_, c) => !covers(hRules, ys[0]!, middleX(c))),
    openBottom: xs.slice(1).map((_, c) => !covers(hRules, ys.at(-1)!, middleX(c))),
  };
}

/** The slot between the edges that holds the value; edges ascending, or descending when so said. */
function slotOf(edges: number[], value: number, descending: boolean): number {
  for (let i = 0; i < edges.length - 1; i++) {
    const [low, high] = descending ? [edges[i + 1]!, edges[i]!] : [edges[i]!, edges[i + 1]!];
    if (value >= low && value <= high) return i;
  }
  return (value < edges[0]!) === descending ? edges.length - 2 : 0;
}

/** Whether an edge stands at x, within the tolerance of edges on two pages. */
const hasEdge = (xs: number[], x: number) => xs.some((edge) => Math.abs(edge - x) <= EDGE_TOLERANCE * 2);

/**
 * A table on the columns of a wider one whose edges include its own: a cell over several of them
 * fills each; columns right of its right edge get an empty cell per row, unruled above and below.
 */
function onColumns(table: Table, xs: number[]): Table {
  const source = xs.slice(0, -1).map((x) => {
    const c = table.xs.findLastIndex((edge) => edge <= x + EDGE_TOLERANCE * 2);
    return c < table.xs.length - 1 ? c : -1;
  });
  return {
    xs,
    slots: table.slots.map((row) => source.map((c) => (c < 0 ? { text: '' } : row[c]!))),
    openTop: source.map((c) => c < 0 || table.openTop[c]!),
    openBottom: source.map((c) => c < 0 || table.openBottom[c]!),
  };
}

/**
 * A table split by a page break, made one again, or null when the table on the next page has
 * other columns. Its columns may be fewer, all edges of them the first page's (or the other way
 * round): rows that leave the last columns empty draw no edges there. Where neither side of the
 * break is ruled, the cell goes on over it: its text is joined, and when that holds for every
 * column the break cut a row, which is made one again.
 */
export function joinTables(upper: Table, lower: Table): Table | null {
  const [wide, narrow] = upper.xs.length >= lower.xs.length ? [upper, lower] : [lower, upper];
  if (Math.abs(wide.xs[0]! - narrow.xs[0]!) > EDGE_TOLERANCE * 2 || !narrow.xs.every((x) => hasEdge(wide.xs, x))) return null;
  const above = onColumns(upper, wide.xs);
  const below = onColumns(lower, wide.xs);
  const last = above.slots.at(-1)!;
  const goesOn = last.map((_, c) => above.openBottom[c]! && below.openTop[c]!);
  const merged = new Map<TableCell, TableCell>();
  below.slots[0]!.forEach((cell, c) => {
    if (!goesOn[c] || merged.has(cell)) return;
    last[c]!.text += cell.text;
    merged.set(cell, last[c]!);
  });
  const rows = below.slots.map((row) => row.map((cell) => merged.get(cell) ?? cell));
  const rowCut = goesOn.every(Boolean);
  const rowsAt = upper.rowsAt && lower.rowsAt ? [...upper.rowsAt, ...(rowCut ? lower.rowsAt.slice(1) : lower.rowsAt)] : undefined;
  return { xs: above.xs, slots: [...above.slots, ...(rowCut ? rows.slice(1) : rows)], openTop: above.openTop, openBottom: below.openBottom, ...(rowsAt ? { rowsAt } : {}) };
}
