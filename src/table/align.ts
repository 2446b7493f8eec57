import type { Column, ColumnKind } from '../vocabulary/columns.js';
import type { CellShape } from './cells.js';

// Row alignment: which column each cell of a flattened row belongs to. Pages and copy-paste drop
// the cells a rowspan covered (in any column), leave out empty trailing cells, and add cells the
// header does not name (a 序号 column, a category split in two). A small dynamic programme over
// cells × columns finds the cheapest reading: each cell takes a column by how well its shape
// fits, any column may be skipped (the cell above covers it), and a cell may stand outside the
// columns (an extra number or numbered heading).

/** How well a cell of each shape fits a column of each kind: 0 is a perfect fit. */
const FIT: Record<CellShape, Record<ColumnKind, number>> = {
  empty:          { seq: 0.2, category: 0.05, task: 0.05, requirement: 0.2, units: 0.05, deadline: 0.05, other: 0.05 },
  seq:            { seq: 0,   category: 2,   task: 2,   requirement: 2,   units: 3,   deadline: 3,   other: 1 },
  units:          { seq: 3,   category: 1.5, task: 1.5, requirement: 1.2, units: 0,   deadline: 2,   other: 0.8 },
  deadline:       { seq: 3,   category: 2,   task: 2,   requirement: 1.5, units: 2,   deadline: 0,   other: 0.6 },
  'marker-short': { seq: 2,   category: 0,   task: 0,   requirement: 0.6, units: 3,   deadline: 3,   other: 1.5 },
  'marker-long':  { seq: 3,   category: 1,   task: 0.5, requirement: 0,   units: 3,   deadline: 3,   other: 1.5 },
  short:          { seq: 2,   category: 0.2, task: 0.2, requirement: 0.5, units: 1.5, deadline: 2,   other: 0.8 },
  long:           { seq: 3,   category: 1.2, task: 0.5, requirement: 0,   units: 3,   deadline: 3,   other: 1.2 },
};

/**
 * What skipping a column costs: rowspans cover categories and task names far more often than a
 * row's own requirement; trailing 备注 cells are often not copied at all.
 */
const SKIP: Record<ColumnKind, number> = { seq: 0.5, category: 0.1, task: 0.3, requirement: 0.9, units: 0.6, deadline: 0.6, other: 0.05 };

/** A 配合 column is left empty (covered from above) more often than the 牵头 one beside it. */
const SUPPORT_SKIP_DISCOUNT = 0.05;
const skipCost = (column: Column) => SKIP[column.kind] - (column.role === 'support' ? SUPPORT_SKIP_DISCOUNT : 0);

/** What a cell outside every column costs: an extra number or numbered heading is common. */
const OUTSIDE: Record<CellShape, number> = { empty: 0.1, seq: 0.3, 'marker-short': 0.4, units: 2.5, deadline: 2.5, 'marker-long': 2.5, short: 2.5, long: 2.5 };

/** What a numbered cell costs in a column other than the one its numbering style was seen in. */
const OTHER_STYLE_COLUMN = 1.5;

/**
 * A table keeps each numbering style in one column (一、 in the category column, （一） in the
 * requirement column): once seen, a style pulls its cells back to that column.
 */
export class StyleColumns {
  private readonly seen = new Map<string, number>();
  fit(style: string | undefined, column: number, base: number): number {
    const known = style === undefined ? undefined : this.seen.get(style);
    return known === undefined ? base : known === column ? 0 : base + OTHER_STYLE_COLUMN;
  }
  learn(styles: (string | undefined)[], columnOf: number[]): void {
    styles.forEach((style, i) => {
      if (style !== undefined && columnOf[i]! >= 0 && !this.seen.has(style)) this.seen.set(style, columnOf[i]!);
    });
  }
}

/** How well a cell fits column j: its shape, and the column its numbering style was seen in. */
const cellFit = (shape: CellShape, style: string | undefined, columns: Column[], j: number, known: StyleColumns) => known.fit(style, j, FIT[shape][columns[j]!.kind]);

let costTable = new Float64Array(256);
let stepTable = new Int8Array(256);

/** For each cell: the index of its column, or -1 for a cell outside the columns. */
export function alignRow(shapes: CellShape[], columns: Column[], styles: (string | undefined)[] = [], known = new StyleColumns()): number[] {
  const { assigned } = cheapestReading(shapes, columns, styles, known);
  known.learn(styles, assigned);
  return assigned;
}

/**
 * A cell that fits the column it stands under this badly contradicts it: a 序号 or a time limit
 * under 责任单位, a unit list under 完成时限, a numbering style away from its column. Anything may
 * stand under 备注 or 说明, and long text under a task column is no contradiction.
 */
const CONTRADICTION = 1.5;
/** How much cheaper another reading of a contradicted row must be to be taken instead. */
const LAID_OUT_SLACK = 1;

/**
 * Whether a reader's row is read as it was laid out, cell under column: unless one of its cells
 * contradicts its column and another reading fits clearly better. A header that lost its spans
 * (工作任务 over three columns, written over one), a row that lost a merged cell and shifted its
 * others left: read by what the cells hold instead.
 */
export function fitsAsLaidOut(shapes: CellShape[], columns: Column[], styles: (string | undefined)[], known: StyleColumns): boolean {
  const fits = shapes.map((shape, i) => cellFit(shape, styles[i], columns, i, known));
  if (fits.every((fit) => fit < CONTRADICTION)) return true;
  const laidOut = fits.reduce((sum, fit) => sum + fit, 0);
  return laidOut - cheapestReading(shapes, columns, styles, known).cost <= LAID_OUT_SLACK;
}

function cheapestReading(shapes: CellShape[], columns: Column[], styles: (string | undefined)[], known: StyleColumns): { assigned: number[]; cost: number } {
  const n = shapes.length;
  const m = columns.length;
  const width = m + 1;
  // cost[i * width + j]: the cheapest reading of the first i cells over the first j columns.
  // One flat table, grown as needed and reused: a table of thousands of rows aligns each.
  const size = (n + 1) * width;
  if (costTable.length < size) {
    costTable = new Float64Array(size * 2);
    stepTable = new Int8Array(size * 2);
  }
  const cost = costTable;
  const step = stepTable;
  cost.fill(Infinity, 0, size);
  step.fill(0, 0, size);
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const at = i * width + j;
      const here = cost[at]!;
      if (here === Infinity) continue;
      if (j < m) {
        const skipped = here + skipCost(columns[j]!);
        if (skipped < cost[at + 1]!) {
          cost[at + 1] = skipped;
          step[at + 1] = 1;
        }
      }
      if (i < n) {
        const outside = here + OUTSIDE[shapes[i]!];
        if (outside < cost[at + width]!) {
          cost[at + width] = outside;
          step[at + width] = 2;
        }
        if (j < m) {
          const fit = here + cellFit(shapes[i]!, styles[i], columns, j, known);
          if (fit < cost[at + width + 1]!) {
            cost[at + width + 1] = fit;
            step[at + width + 1] = 3;
          }
        }
      }
    }
  }
  const assigned = new Array<number>(n).fill(-1);
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const s = step[i * width + j]!;
    if (s === 1) j--;
    else if (s === 2) i--;
    else {
      assigned[i - 1] = j - 1;
      i--;
      j--;
    }
  }
  return { assigned, cost: cost[n * width + m]! };
}

/** The cost of starting a row: a stream of cells breaks into rows only where its shapes say so. */
const ROW_START = 0.5;
/** A number outside the columns more likely starts a row than ends one. */
const SEQ_STARTS_ROW = 0.2;

/**
 * A stream of cells with no row breaks (one cell per line): cut it into rows and align each.
 * A row ends where a cell fits a column left of (or at) the previous cell's; `breaks[i]` forces
 * a row to start at cell i. Returns the rows as lists of [cell index, column index].
 */
export function alignStream(shapes: CellShape[], columns: Column[], breaks: boolean[]): [number, number][][] {
  const n = shapes.length;
  const m = columns.length;
  const skipRun = (from: number, to: number) => {
    let sum = 0;
    for (let j = from; j < to; j++) sum += skipCost(columns[j]!);
    return sum;
  };
  // State after cell i: the column it took (0..m-1), or m + column for a cell outside the
  // columns whose row's last column is `column` (-1 → m - 1 when none).
  const states = m + 1;
  const cost = Array.from({ length: n + 1 }, () => new Float64Array(states).fill(Infinity));
  const from = Array.from({ length: n + 1 }, () => new Int32Array(states).fill(-1));
  const kind = Array.from({ length: n + 1 }, () => new Int8Array(states));
  // State m stands for "at a row start" (no column taken yet in this row).
  cost[0]![m] = 0;
  for (let i = 0; i < n; i++) {
    for (let s = 0; s < states; s++) {
      const here = cost[i]![s]!;
      if (here === Infinity) continue;
      const last = s === m ? -1 : s;
      const relax = (next: number, value: number, how: number) => {
        if (value < cost[i + 1]![next]!) {
          cost[i + 1]![next] = value;
          from[i + 1]![next] = s;
          kind[i + 1]![next] = how;
        }
      };
      const shape = shapes[i]!;
      for (let j = 0; j < m; j++) {
        const fit = FIT[shape][columns[j]!.kind];
        // Same row, further right.
        if (j > last && !breaks[i]) relax(j, here + skipRun(last + 1, j) + fit, 1);
        // A new row.
        if (last >= 0) relax(j, here + skipRun(last + 1, m) + ROW_START + skipRun(0, j) + fit, 2);
        else if (breaks[i]) relax(j, here + skipRun(0, j) + fit, 2);
      }
      // Outside the columns: a row of its own (a numbered heading; a number that starts the row),
      // or within a row (a 序号 the header does not name, an empty cell).
      const closing = last >= 0 ? skipRun(last + 1, m) + ROW_START : 0;
      relax(m, here + closing + OUTSIDE[shape] - (shape === 'seq' ? SEQ_STARTS_ROW : 0), 3);
      if (last >= 0 && !breaks[i]) relax(s, here + OUTSIDE[shape], 4);
    }
  }
  let best = 0;
  for (let s = 1; s < states; s++) if (cost[n]![s]! < cost[n]![best]!) best = s;
  const path: { column: number; how: number }[] = [];
  for (let i = n, s = best; i > 0; i--) {
    const how = kind[i]![s]!;
    path.push({ column: s === m || how === 4 ? -1 : s, how });
    s = from[i]![s]!;
  }
  path.reverse();
  const rows: [number, number][][] = [];
  path.forEach(({ column, how }, i) => {
    if ((how !== 1 && how !== 4) || rows.length === 0) rows.push([]);
    rows.at(-1)!.push([i, column]);
  });
  return rows;
}
