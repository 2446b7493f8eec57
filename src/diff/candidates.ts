import type { WeightedSet } from './signals.js';

// Up to this many pairs every old task is compared with every new one; beyond it (two notices of
// more than 500 tasks each), only with the tasks that share its rarest words.
const EXHAUSTIVE_PAIRS = 250_000;
// Per task: how many entries of the word index are read (rarest words first), and how many of the
// tasks found that way are kept, the ones sharing the most weight.
const POSTINGS_PER_TASK = 4_000;
const CANDIDATES_PER_TASK = 12;

/** Pairs of task indices (old, new) worth scoring. */
export type CandidatePairs = Map<number, Set<number>>;

function addPair(pairs: CandidatePairs, oldIndex: number, newIndex: number): void {
  let set = pairs.get(oldIndex);
  if (set === undefined) pairs.set(oldIndex, (set = new Set()));
  set.add(newIndex);
}

/** Which tasks of `to` share the most weight with each task of `from`, by an index of `to`'s words. */
function nearest(from: readonly WeightedSet[], to: readonly WeightedSet[], emit: (fromIndex: number, toIndex: number) => void): void {
  const postings = new Map<string, number[]>();
  to.forEach((terms, index) => {
    for (const term of terms.weights.keys()) {
      let list = postings.get(term);
      if (list === undefined) postings.set(term, (list = []));
      list.push(index);
    }
  });
  from.forEach((terms, fromIndex) => {
    // Rarest first: a word found in few tasks says the most, and costs the least to look up.
    const words = [...terms.weights].filter(([term]) => postings.has(term)).sort((a, b) => b[1] - a[1]);
    const shared = new Map<number, number>();
    let budget = POSTINGS_PER_TASK;
    for (const [term, weight] of words) {
      const list = postings.get(term)!;
      if (list.length > budget && shared.size > 0) break;
      for (const toIndex of list.slice(0, budget)) shared.set(toIndex, (shared.get(toIndex) ?? 0) + weight);
      budget -= list.length;
      if (budget <= 0) break;
    }
    [...shared]
      .sort((a, b) => b[1] - a[1])
      .slice(0, CANDIDATES_PER_TASK)
      .forEach(([toIndex]) => emit(fromIndex, toIndex));
  });
}

/**
 * The pairs to score: all of them for notices of ordinary size; for large ones, each task's nearest
 * tasks of the other year by shared key terms, looked up both ways, so that the diff stays close to
 * linear in the number of tasks instead of comparing every task with every other.
 */
export function candidatePairs(oldTerms: readonly WeightedSet[], newTerms: readonly WeightedSet[]): CandidatePairs {
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
