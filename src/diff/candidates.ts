import type { Vector } from './vector.js';

// Up to this many pairs every old task is compared with every new one; beyond it (two notices of
// more than 500 tasks each), only with the tasks that share its rarest words.
const EXHAUSTIVE_PAIRS = 250_000;
// Per task: how many entries of the word index are read (rarest words first), and how many of the
// tasks found that way are kept, the ones sharing the most weight.
const POSTINGS_PER_TASK = 1_500;
const CANDIDATES_PER_TASK = 12;

/** Pairs of task indices (old, new) worth scoring. */
export type CandidatePairs = Map<number, Set<number>>;

function addPair(pairs: CandidatePairs, oldIndex: number, newIndex: number): void {
  let set = pairs.get(oldIndex);
  if (set === undefined) pairs.set(oldIndex, (set = new Set()));
  set.add(newIndex);
}

/** Which tasks of `to` share the most weight with each task of `from`, by an index of `to`'s words. */
function nearest(from: readonly Vector[], to: readonly Vector[], emit: (fromIndex: number, toIndex: number) => void): void {
  const postings = new Map<number, number[]>();
  to.forEach((terms, index) => {
    for (const term of terms.ids) {
      let list = postings.get(term);
      if (list === undefined) postings.set(term, (list = []));
      list.push(index);
    }
  });
  // One accumulator for all tasks, reset through the list of the entries touched.
  const shared = new Float64Array(to.length);
  const touched: number[] = [];
  from.forEach((terms, fromIndex) => {
    // Rarest first: a word found in few tasks says the most, and costs the least to look up.
    const words = [...terms.ids]
      .flatMap((term, index) => {
        const list = postings.get(term);
        const weight = terms.weights[index] ?? 0;
        return list !== undefined && weight > 0 ? [{ list, weight }] : [];
      })
      .sort((a, b) => b.weight - a.weight);
    let budget = POSTINGS_PER_TASK;
    for (const { list, weight } of words) {
      if (list.length > budget && touched.length > 0) break;
      const end = Math.min(list.length, budget);
      for (const toIndex of end === list.length ? list : list.slice(0, end)) {
        // Postings hold indices of `to`, and `shared` has an entry for each.
        const sum = shared[toIndex]!;
        if (sum === 0) touched.push(toIndex);
        shared[toIndex] = sum + weight;
      }
      budget -= end;
      if (budget <= 0) break;
    }
    for (const toIndex of topByWeight(touched, shared, CANDIDATES_PER_TASK)) emit(fromIndex, toIndex);
    for (const toIndex of touched) shared[toIndex] = 0;
    touched.length = 0;
  });
}

/** The `count` indices of the largest weights (an entry of `weights` for each index), without sorting them all. */
function topByWeight(indices: readonly number[], weights: Float64Array, count: number): number[] {
  // Sorted by weight, largest first.
  const top: { index: number; weight: number }[] = [];
  for (const index of indices) {
    const weight = weights[index]!;
    const last = top.at(-1);
    if (top.length === count && last !== undefined && weight <= last.weight) continue;
    if (top.length === count) top.pop();
    // Insertion into the short sorted list.
    let position = top.length;
    while (position > 0 && (top[position - 1]?.weight ?? Infinity) < weight) position--;
    top.splice(position, 0, { index, weight });
  }
  return top.map((entry) => entry.index);
}

/**
 * The pairs to score: all of them for notices of ordinary size; for large ones, each task's nearest
 * tasks of the other year by shared key terms, looked up both ways, so that the diff stays close to
 * linear in the number of tasks instead of comparing every task with every other.
 */
export function candidatePairs(oldTerms: readonly Vector[], newTerms: readonly Vector[]): CandidatePairs {
  const pairs: CandidatePairs = new Map();
  if (oldTerms.length * newTerms.length <= EXHAUSTIVE_PAIRS) {
    const all = newTerms.map((_, index) => index);
    oldTerms.forEach((_, oldIndex) => pairs.set(oldIndex, new Set(all)));
    return pairs;
  }
  nearest(oldTerms, newTerms, (oldIndex, newIndex) => addPair(pairs, oldIndex, newIndex));
  nearest(newTerms, oldTerms, (newIndex, oldIndex) => addPair(pairs, oldIndex, newIndex));
  return pairs;
}
