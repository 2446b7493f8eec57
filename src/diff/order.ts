/**
 * Indices of one longest strictly increasing subsequence of the values (patience sorting,
 * O(n log n)): the items that kept their relative order.
 */
export function longestIncreasingSubsequence(values: readonly number[]): Set<number> {
  // tails[k]: index of the smallest last value of an increasing run of length k + 1. Both arrays
  // hold indices of `values`, and `middle` stays below tails.length: the `!` reads are in range.
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  values.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]!]! < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1]!;
    tails[low] = index;
  });
  const kept = new Set<number>();
  for (let index = tails.at(-1) ?? -1; index !== -1; index = previous[index]!) kept.add(index);
  return kept;
}
