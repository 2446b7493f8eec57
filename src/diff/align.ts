import type { Task } from '../model.js';
import { maxWeightAssignment } from './assignment.js';
import { candidatePairs } from './candidates.js';
import { itemAt } from './indexed.js';
import {
  combined,
  featuresOf,
  inverseFrequency,
  itemsOf,
  signalsOf,
  type Signal,
  type Signals,
  type TaskFeatures,
} from './signals.js';
import { termsOf } from './segment.js';
import { Vocabulary } from './vector.js';

/** Two tasks, one of each year (indices in the task lists), with their similarity and its signals. */
export interface Match {
  old: number;
  new: number;
  similarity: number;
  signals: Signals;
}

/** An old task merged into a new task paired with another, or a new task split from a paired old one. */
export interface Part extends Match {
  kind: 'split' | 'merged';
}

export interface Alignment {
  /** One to one, in old order. */
  matches: Match[];
  /** Unpaired tasks that are part of a paired one. */
  parts: Part[];
  /** Per old task, the new task most like it (paired or not, over the threshold or under it). */
  nearestNew: (Match | undefined)[];
}

export interface AlignOptions {
  /** The key a unit name is compared by; without it, tasks are compared without their units. */
  unitKey?: (name: string, side: 'old' | 'new') => string;
  /** Weights of the signals instead of the fitted ones (to fit them: bench/diff-fit.mjs). */
  weights?: Readonly<Record<Signal, number>>;
}

// The Hungarian step is cubic: candidate pairs are split into groups of at most this many tasks,
// each solved on its own. Real notices (under 200 tasks a side) are one group, solved exactly.
const MAX_GROUP = 600;
// An unpaired task is part of a paired one when it is as like it as a pair must be, and a fifth
// more: it lost that task to another, so it has to be clearly more than a near miss.
const PART_MARGIN = 1.2;

/** Both sides' features, weighed over both sides' tasks together. */
function bothFeatures(oldTasks: readonly Task[], newTasks: readonly Task[], options: AlignOptions): [TaskFeatures[], TaskFeatures[]] {
  const keyOf = (side: 'old' | 'new') => (name: string) => options.unitKey?.(name, side) ?? '';
  const segmented = new Map<string, Set<string>>();
  const words = (text: string): Set<string> => {
    let terms = segmented.get(text);
    if (terms === undefined) segmented.set(text, (terms = termsOf(text)));
    return terms;
  };
  const oldItems = oldTasks.map((task) => itemsOf(task, keyOf('old'), words));
  const newItems = newTasks.map((task) => itemsOf(task, keyOf('new'), words));
  if (options.unitKey === undefined) for (const items of [...oldItems, ...newItems]) items.units.clear();
  const all = [...oldItems, ...newItems];
  const weights = {
    terms: inverseFrequency(all.map((items) => items.terms)),
    sections: inverseFrequency(all.map((items) => items.sectionTerms)),
    units: inverseFrequency(all.map((items) => items.units)),
  };
  const vocabulary = new Vocabulary();
  return [featuresOf(oldTasks, oldItems, weights, vocabulary), featuresOf(newTasks, newItems, weights, vocabulary)];
}

/** Union-find over task nodes that refuses to grow a group past MAX_GROUP. */
function groupsOf(edges: readonly Match[], oldCount: number): Map<number, Match[]> {
  const parent = new Map<number, number>();
  const size = new Map<number, number>();
  const root = (node: number): number => {
    let top = node;
    for (let up = parent.get(top); up !== undefined && up !== top; up = parent.get(top)) top = up;
    parent.set(node, top);
    return top;
  };
  const kept: Match[] = [];
  for (const edge of edges) {
    const a = root(edge.old);
    const b = root(oldCount + edge.new);
    if (a !== b) {
      const joined = (size.get(a) ?? 1) + (size.get(b) ?? 1);
      // The weakest links of an oversized group are left out, so that it splits where it is thinnest.
      if (joined > MAX_GROUP) continue;
      parent.set(b, a);
      size.set(a, joined);
    }
    kept.push(edge);
  }
  const groups = new Map<number, Match[]>();
  for (const edge of kept) {
    const key = root(edge.old);
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = []));
    group.push(edge);
  }
  return groups;
}

/** The assignment of the largest total similarity within one group of candidate pairs. */
function assignGroup(edges: readonly Match[]): Match[] {
  const olds = [...new Set(edges.map((edge) => edge.old))];
  const news = [...new Set(edges.map((edge) => edge.new))];
  const row = new Map(olds.map((index, position) => [index, position]));
  const column = new Map(news.map((index, position) => [index, position]));
  const weights = olds.map(() => new Array<number>(news.length).fill(0));
  const edgeAt = olds.map(() => new Array<Match | undefined>(news.length));
  // Every edge's old and new task have their row and column, made from these edges above.
  for (const edge of edges) {
    const i = row.get(edge.old)!;
    const j = column.get(edge.new)!;
    itemAt(weights, i)[j] = edge.similarity;
    itemAt(edgeAt, i)[j] = edge;
  }
  return maxWeightAssignment(weights).flatMap((j, i) => {
    const edge = j === -1 ? undefined : itemAt(edgeAt, i)[j];
    return edge !== undefined && edge.similarity > 0 ? [edge] : [];
  });
}

/** The unpaired tasks that are part of a paired task: the rest of a split or a merger. */
function partsOf(matches: readonly Match[], scored: readonly Match[], threshold: number): Part[] {
  const pairedOld = new Set(matches.map((match) => match.old));
  const pairedNew = new Set(matches.map((match) => match.new));
  const isPart = (match: Match) => match.similarity > 0 && match.similarity >= threshold * PART_MARGIN;
  const parts: Part[] = [];
  const taken = new Set<number>();
  const bestOld = new Map<number, Match>();
  for (const match of scored) {
    // An old task left over, whose best match is a new task paired with another: merged into it.
    if (!pairedOld.has(match.old) && pairedNew.has(match.new) && !taken.has(match.old) && isPart(match)) {
      taken.add(match.old);
      parts.push({ ...match, kind: 'merged' });
    }
    if (!pairedNew.has(match.new) && pairedOld.has(match.old) && !bestOld.has(match.new)) bestOld.set(match.new, match);
  }
  for (const match of bestOld.values()) if (isPart(match)) parts.push({ ...match, kind: 'split' });
  return parts;
}

/** Every candidate pair with its signals and similarity, best first, and the features they came from. */
export function scorePairs(
  oldTasks: readonly Task[],
  newTasks: readonly Task[],
  options: AlignOptions = {},
): { scored: Match[]; features: [TaskFeatures[], TaskFeatures[]] } {
  const features = bothFeatures(oldTasks, newTasks, options);
  const [oldFeatures, newFeatures] = features;
  const scored: Match[] = [];
  for (const [oldIndex, newIndices] of candidatePairs(
    oldFeatures.map((feature) => feature.terms),
    newFeatures.map((feature) => feature.terms),
  )) {
    for (const newIndex of newIndices) {
      const signals = signalsOf(itemAt(oldFeatures, oldIndex), itemAt(newFeatures, newIndex));
      scored.push({ old: oldIndex, new: newIndex, similarity: combined(signals, options.weights), signals });
    }
  }
  scored.sort((a, b) => b.similarity - a.similarity);
  return { scored, features };
}

/** The one-to-one assignment of the largest total similarity over the scored pairs at or above the threshold. */
export function assignPairs(scored: readonly Match[], threshold: number, oldCount: number): Match[] {
  const edges = scored.filter((match) => match.similarity >= threshold && match.similarity > 0);
  return [...groupsOf(edges, oldCount).values()].flatMap(assignGroup).sort((a, b) => a.old - b.old);
}

/**
 * Matches the tasks one to one by meaning: the assignment of the largest total similarity (not the
 * greedy first match) over the candidate pairs at or above the threshold.
 */
export function alignTasks(oldTasks: readonly Task[], newTasks: readonly Task[], threshold: number, options: AlignOptions = {}): Alignment {
  const { scored } = scorePairs(oldTasks, newTasks, options);
  const nearestNew = new Array<Match | undefined>(oldTasks.length);
  for (const match of scored) nearestNew[match.old] ??= match;
  const matches = assignPairs(scored, threshold, oldTasks.length);
  return { matches, parts: partsOf(matches, scored, threshold), nearestNew };
}
