import type { Task } from '../model.js';
import { itemAt } from './indexed.js';
import { bigramList } from './text.js';
import { vectorDice, type Vector, type Vocabulary } from './vector.js';

/** The measures two tasks are compared by, each from 0 (nothing in common) to 1 (the same). */
export const SIGNALS = ['terms', 'bigrams', 'title', 'section', 'units', 'position'] as const;
export type Signal = (typeof SIGNALS)[number];
/** A pair's measures; a signal is missing when one task has nothing to measure (no title, no units). */
export type Signals = Partial<Record<Signal, number>>;

/**
 * How much each signal counts in the similarity: fitted on the hand alignments in fixtures/diff/
 * (docs/diff.md, "How the weights were chosen"). Key terms lead, since a task that carries on is
 * rewritten around them; bigrams catch what the segmenter splits apart; title, section and units
 * confirm; position only decides between near-equals.
 */
export const WEIGHTS: Readonly<Record<Signal, number>> = {
  terms: 2,
  bigrams: 1,
  title: 1,
  section: 1,
  units: 0.5,
  position: 0.5,
};

/** What a task is compared by. */
export interface TaskFeatures {
  /** Its words, each weighed by how rare it is across both years' tasks. */
  terms: Vector;
  /** Its character bigrams with their counts. */
  bigrams: Vector;
  title: Vector | null;
  section: Vector | null;
  /** Its lead and responsible units, weighed like words; null when it names none that is rare enough. */
  units: Vector | null;
  /** From 0 (first task) to 1 (last). */
  position: number;
}

/** The words and units of one task, before they are weighed. */
export interface TaskItems {
  terms: Set<string>;
  sectionTerms: Set<string>;
  units: Set<string>;
}

/**
 * Inverse document frequency over the given sets: an item in every set weighs ln(1 + 1/n) ≈ 0, one
 * in a single set ln(1 + n). Stock phrases (信息公开, 各设区市) thereby count for little.
 */
export function inverseFrequency(sets: readonly Set<string>[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const set of sets) for (const item of set) frequency.set(item, (frequency.get(item) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [item, count] of frequency) weights.set(item, Math.log(1 + sets.length / count) - Math.log(2));
  return weights;
}

/** The weight of an item found in a quarter of the sets: units named that often tell no task apart. */
const COMMON = Math.log(1 + 4) - Math.log(2);

/** An item's weight, or none for a common one when common ones are left out. */
function weightIn(weightOf: ReadonlyMap<string, number>, dropCommon = false): (item: string) => number | undefined {
  return (item) => {
    const weight = weightOf.get(item) ?? 0;
    return dropCommon && weight < COMMON ? undefined : weight;
  };
}

/**
 * The words of a task, of its section path, and its lead and responsible units. `words` is the
 * segmenter, remembering what it segmented: a section path, or a task kept unchanged, comes up often.
 */
export function itemsOf(task: Task, unitKey: (name: string) => string, words: (text: string) => Set<string>): TaskItems {
  return {
    terms: words(task.text),
    sectionTerms: words(task.path.join('，')),
    units: new Set(task.units.filter((unit) => unit.role !== 'support').map((unit) => unitKey(unit.name))),
  };
}

function nonEmpty(vector: Vector): Vector | null {
  return vector.ids.length === 0 ? null : vector;
}

/** Features of one side's tasks, weighed by how rare each word and unit is across both sides. */
export function featuresOf(
  tasks: readonly Task[],
  items: readonly TaskItems[],
  weightsOf: { terms: Map<string, number>; sections: Map<string, number>; units: Map<string, number> },
  vocabulary: Vocabulary,
): TaskFeatures[] {
  return tasks.map((task, index) => {
    const { terms, sectionTerms, units } = itemAt(items, index);
    return {
      terms: vocabulary.weighted(terms, weightIn(weightsOf.terms)),
      bigrams: vocabulary.counts(bigramList(task.text)),
      title: task.title === null || task.title.trim() === '' ? null : vocabulary.counts(bigramList(task.title)),
      section: nonEmpty(vocabulary.weighted(sectionTerms, weightIn(weightsOf.sections))),
      units: nonEmpty(vocabulary.weighted(units, weightIn(weightsOf.units, true))),
      position: tasks.length === 1 ? 0.5 : index / (tasks.length - 1),
    };
  });
}

/** Every signal that both tasks can be measured by. */
export function signalsOf(a: TaskFeatures, b: TaskFeatures): Signals {
  const signals: Signals = {
    bigrams: vectorDice(a.bigrams, b.bigrams),
    position: 1 - Math.abs(a.position - b.position),
  };
  // Words found in every task tell no task apart: two texts of nothing but those leave it to the others.
  if (a.terms.total + b.terms.total > 0) signals.terms = vectorDice(a.terms, b.terms);
  if (a.title !== null && b.title !== null) signals.title = vectorDice(a.title, b.title);
  if (a.section !== null && b.section !== null) signals.section = vectorDice(a.section, b.section);
  if (a.units !== null && b.units !== null) signals.units = vectorDice(a.units, b.units);
  return signals;
}

/** What the tasks say: the similarity rests on these. */
const TEXT_SIGNALS = ['terms', 'bigrams', 'title'] as const satisfies readonly Signal[];
/** Where the tasks stand: these confirm what the text says, and cannot pair two tasks alone. */
const CONTEXT_SIGNALS = ['section', 'units', 'position'] as const satisfies readonly Signal[];

/** Weighted mean of the signals there are among the given ones, with the sum of their weights. */
function weightedMean(signals: Signals, names: readonly Signal[], weights: Readonly<Record<Signal, number>>): [mean: number, weight: number] {
  let sum = 0;
  let weight = 0;
  for (const name of names) {
    const value = signals[name];
    if (value === undefined) continue;
    sum += weights[name] * value;
    weight += weights[name];
  }
  return [weight === 0 ? 0 : sum / weight, weight];
}

/**
 * The similarity a pair is judged by: the weighted mean of the text signals, scaled by the context
 * signals from 1/(1 + w) (nothing in common around them) up to 1 (same section, units and place),
 * w being the weight of the context signals there are. Two tasks that share only their units or
 * their place in the notice thereby score 0, and identical tasks in the same place score 1.
 */
export function combined(signals: Signals, weights: Readonly<Record<Signal, number>> = WEIGHTS): number {
  const [text] = weightedMean(signals, TEXT_SIGNALS, weights);
  const [context, contextWeight] = weightedMean(signals, CONTEXT_SIGNALS, weights);
  return (text * (1 + contextWeight * context)) / (1 + contextWeight);
}
