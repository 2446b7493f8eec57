// Sparse vectors over interned strings (words, bigrams, units): comparing two of them is a merge of
// two sorted integer arrays, which a diff of thousands of tasks does hundreds of thousands of times.

/** Items as ids in ascending order, each with its weight (a count, or how rare the item is). */
export interface Vector {
  ids: Int32Array;
  weights: Float64Array;
  total: number;
}

/** Numbers for strings, the same number for the same string within one diff. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();

  idOf(item: string): number {
    let id = this.ids.get(item);
    if (id === undefined) this.ids.set(item, (id = this.ids.size));
    return id;
  }

  /** The items with how often each comes (the bigrams of a text). */
  counts(items: readonly string[]): Vector {
    const sorted = Int32Array.from(items, (item) => this.idOf(item)).sort();
    const ids: number[] = [];
    const weights: number[] = [];
    // Ids are 0 or more: -1 is no id yet.
    let current = -1;
    let count = 0;
    for (const id of sorted) {
      if (id === current) {
        count++;
        continue;
      }
      if (count > 0) {
        ids.push(current);
        weights.push(count);
      }
      current = id;
      count = 1;
    }
    if (count > 0) {
      ids.push(current);
      weights.push(count);
    }
    return { ids: Int32Array.from(ids), weights: Float64Array.from(weights), total: sorted.length };
  }

  /** Distinct items, each with its weight; those without one are left out. */
  weighted(items: ReadonlySet<string>, weightOf: (item: string) => number | undefined): Vector {
    const entries: [number, number][] = [];
    for (const item of items) {
      const weight = weightOf(item);
      if (weight !== undefined) entries.push([this.idOf(item), weight]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    // Summed in the order `shared` sums, so that a vector compared with itself gives exactly 1.
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    return { ids: Int32Array.from(entries, ([id]) => id), weights: Float64Array.from(entries, ([, weight]) => weight), total };
  }
}

/** Σ min(a, b) over the items in both: the shared count of two multisets, the shared weight of two sets. */
function shared(a: Vector, b: Vector): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  // The loop's condition keeps i and j within a's and b's items.
  while (i < a.ids.length && j < b.ids.length) {
    const difference = a.ids[i]! - b.ids[j]!;
    if (difference < 0) i++;
    else if (difference > 0) j++;
    else sum += Math.min(a.weights[i++]!, b.weights[j++]!);
  }
  return sum;
}

/** Dice coefficient: 2·shared / (a + b); 0 when both are empty. */
export function vectorDice(a: Vector, b: Vector): number {
  const total = a.total + b.total;
  return total === 0 ? 0 : (2 * shared(a, b)) / total;
}
