import { itemAt } from './indexed.js';

/**
 * The assignment of rows to columns with the largest total weight (Hungarian algorithm, in the
 * O(n²·m) potentials form). Returns, for each row, its column, or -1 for a row left over when
 * there are more rows than columns. Every row gets a column when there are enough: a caller that
 * wants some pairs forbidden gives them weight 0 and drops them afterwards.
 */
export function maxWeightAssignment(weights: readonly (readonly number[])[]): number[] {
  const rows = weights.length;
  const columns = weights[0]?.length ?? 0;
  // A weight a shorter row lacks is 0, as for a forbidden pair.
  const weight = (row: readonly number[], column: number) => row[column] ?? 0;
  // The algorithm below wants no more rows than columns: solve the transpose otherwise.
  if (rows > columns) {
    const transposed = Array.from({ length: columns }, (_, column) => weights.map((row) => weight(row, column)));
    const rowOfColumn = maxWeightAssignment(transposed);
    const columnOfRow = new Array<number>(rows).fill(-1);
    rowOfColumn.forEach((row, column) => (columnOfRow[row] = column));
    return columnOfRow;
  }
  // Minimum cost with cost = -weight. Index 0 of the 1-based arrays is a virtual column. These
  // arrays are sized for every index the loops below reach (0..rows, 0..columns, and rows of
  // 1..rows in rowOfColumn), which is what their `!` reads say.
  const rowPotential = new Float64Array(rows + 1);
  const columnPotential = new Float64Array(columns + 1);
  const rowOfColumn = new Int32Array(columns + 1);
  const previousColumn = new Int32Array(columns + 1);
  for (let row = 1; row <= rows; row++) {
    rowOfColumn[0] = row;
    let column = 0;
    const slack = new Float64Array(columns + 1).fill(Infinity);
    const visited = new Uint8Array(columns + 1);
    // Grow an alternating tree from the new row until it reaches a free column.
    do {
      visited[column] = 1;
      const treeRow = rowOfColumn[column]!;
      const costs = itemAt(weights, treeRow - 1);
      const treeRowPotential = rowPotential[treeRow]!;
      let delta = Infinity;
      let nextColumn = 0;
      for (let candidate = 1; candidate <= columns; candidate++) {
        if (visited[candidate]) continue;
        const reduced = -weight(costs, candidate - 1) - treeRowPotential - columnPotential[candidate]!;
        if (reduced < slack[candidate]!) {
          slack[candidate] = reduced;
          previousColumn[candidate] = column;
        }
        if (slack[candidate]! < delta) {
          delta = slack[candidate]!;
          nextColumn = candidate;
        }
      }
      for (let candidate = 0; candidate <= columns; candidate++) {
        if (visited[candidate]) {
          rowPotential[rowOfColumn[candidate]!]! += delta;
          columnPotential[candidate]! -= delta;
        } else {
          slack[candidate]! -= delta;
        }
      }
      column = nextColumn;
    } while (rowOfColumn[column] !== 0);
    // Flip the augmenting path.
    do {
      const previous = previousColumn[column]!;
      rowOfColumn[column] = rowOfColumn[previous]!;
      column = previous;
    } while (column !== 0);
  }
  const columnOfRow = new Array<number>(rows).fill(-1);
  rowOfColumn.forEach((row, column) => {
    if (column > 0 && row !== 0) columnOfRow[row - 1] = column - 1;
  });
  return columnOfRow;
}
