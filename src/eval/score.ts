import type { Ledger, Meta, Task } from '../model.js';

// Scores a ledger against a gold ledger, the way a user adapting rules to a new city checks them:
// tasks are paired by the similarity of their text (Dice over character bigrams, punctuation
// and white space ignored, pairs at 0.8 or more, most similar first); units, deadlines, paths and
// titles are then compared on the pairs, so a missed task also misses its units.

export interface Figures {
  taskF1: number;
  unitF1: number;
  path: number;
  title: number;
  deadlineF1: number;
  meta: number;
}

export interface DocumentScore {
  figures: Figures;
  counts: Counts;
  metaMisses: string[];
}

export interface Counts {
  gold: number;
  predicted: number;
  paired: number;
  unitsGold: number;
  unitsPredicted: number;
  unitsHit: number;
  deadlinesGold: number;
  deadlinesPredicted: number;
  deadlinesHit: number;
  pathsHit: number;
  titlesHit: number;
  metaFields: number;
  metaHit: number;
}

export const THRESHOLDS: Figures = { taskF1: 0.98, unitF1: 0.97, path: 0.95, title: 0.9, deadlineF1: 0.9, meta: 0.95 };

const NO_COUNTS: Counts = {
  gold: 0, predicted: 0, paired: 0, unitsGold: 0, unitsPredicted: 0, unitsHit: 0,
  deadlinesGold: 0, deadlinesPredicted: 0, deadlinesHit: 0, pathsHit: 0, titlesHit: 0, metaFields: 0, metaHit: 0,
};

const PAIRING_THRESHOLD = 0.8;
const META_FIELDS: (keyof Meta)[] = ['title', 'noticeTitle', 'issuer', 'docNumber', 'date', 'year', 'region', 'recipients'];

/** Text as compared: compatibility forms folded, brackets unified, white space gone. */
const comparable = (value: unknown) =>
  String(value ?? '')
    .normalize('NFKC')
    .replace(/[〔【[]/g, '(')
    .replace(/[〕】\]]/g, ')')
    .replace(/\s+/g, '')
    .toLowerCase();
const letters = (value: unknown) => comparable(value).replace(/[\p{P}\p{S}]/gu, '');

function bigramCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (text.length === 1) counts.set(text, 1);
  for (let i = 0; i + 1 < text.length; i++) counts.set(text.slice(i, i + 2), (counts.get(text.slice(i, i + 2)) ?? 0) + 1);
  return counts;
}

export function dice(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const n of a.values()) total += n;
  for (const n of b.values()) total += n;
  if (total === 0) return 1;
  for (const [gram, n] of a) shared += Math.min(n, b.get(gram) ?? 0);
  return (2 * shared) / total;
}

/** Pairs of (gold task, predicted task), most similar first, each task used once. */
function pairTasks(gold: Task[], predicted: Task[]): [Task, Task][] {
  const withGrams = (tasks: Task[]) => tasks.map((task) => ({ task, grams: bigramCounts(letters(task.text)) }));
  const predictedGrams = withGrams(predicted);
  const candidates: { similarity: number; g: number; p: number; pair: [Task, Task] }[] = [];
  withGrams(gold).forEach((g, gi) =>
    predictedGrams.forEach((p, pi) => {
      const similarity = dice(g.grams, p.grams);
      // Equal texts go to the pair whose places in the two lists agree best.
      const place = 1 - Math.abs(gi / Math.max(1, gold.length) - pi / Math.max(1, predicted.length));
      if (similarity >= PAIRING_THRESHOLD) candidates.push({ similarity: similarity + place * 1e-6, g: gi, p: pi, pair: [g.task, p.task] });
    }),
  );
  candidates.sort((x, y) => y.similarity - x.similarity);
  const usedGold = new Set<number>();
  const usedPredicted = new Set<number>();
  const pairs: [Task, Task][] = [];
  for (const { g, p, pair } of candidates) {
    if (usedGold.has(g) || usedPredicted.has(p)) continue;
    usedGold.add(g);
    usedPredicted.add(p);
    pairs.push(pair);
  }
  return pairs;
}

/** How many items of `a` find a partner in `b`, each partner used once. */
function overlap(a: string[], b: string[], looselyEqual?: (x: string, y: string) => boolean): number {
  const rest = [...b];
  let hits = 0;
  for (const item of a) {
    let at = rest.indexOf(item);
    if (at < 0 && looselyEqual) at = rest.findIndex((other) => looselyEqual(item, other));
    if (at >= 0) {
      hits++;
      rest.splice(at, 1);
    }
  }
  return hits;
}

const unitKeys = (t: Task) => t.units.map((u) => `${comparable(u.name)}|${u.role}`);
// A dated limit is its date; a relative one is its words, and contains-or-contained counts.
const deadlineKeys = (t: Task) => t.deadlines.map((d) => (d.date ? `date:${d.date}` : `text:${letters(d.text)}`));
const relativeMatch = (x: string, y: string) =>
  x.startsWith('text:') && y.startsWith('text:') && (x.includes(y.slice(5)) || y.includes(x.slice(5)));

export function scoreLedger(gold: Ledger, predicted: Ledger | null): DocumentScore {
  const goldTasks = gold.tasks ?? [];
  const predictedTasks = predicted?.tasks ?? [];
  const counts: Counts = {
    ...NO_COUNTS,
    gold: goldTasks.length,
    predicted: predictedTasks.length,
    unitsGold: sum(goldTasks, (t) => t.units.length),
    unitsPredicted: sum(predictedTasks, (t) => t.units.length),
    deadlinesGold: sum(goldTasks, (t) => t.deadlines.length),
    deadlinesPredicted: sum(predictedTasks, (t) => t.deadlines.length),
  };
  for (const [a, b] of pairTasks(goldTasks, predictedTasks)) {
    counts.paired++;
    counts.unitsHit += overlap(unitKeys(a), unitKeys(b));
    counts.deadlinesHit += overlap(deadlineKeys(a), deadlineKeys(b), relativeMatch);
    if (JSON.stringify(a.path.map(letters)) === JSON.stringify(b.path.map(letters))) counts.pathsHit++;
    if (letters(a.title) === letters(b.title)) counts.titlesHit++;
  }
  const metaMisses: string[] = [];
  for (const field of META_FIELDS) {
    if (!(field in (gold.meta ?? {}))) continue;
    counts.metaFields++;
    const want = gold.meta[field];
    const got = predicted?.meta?.[field];
    const same = field === 'recipients'
      ? ((want as string[]) ?? []).map(comparable).join('|') === ((got as string[] | undefined) ?? []).map(comparable).join('|')
      : comparable(want) === comparable(got);
    if (same) counts.metaHit++;
    else metaMisses.push(`${field}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  return { figures: figuresOf(counts), counts, metaMisses };
}

function sum<T>(items: T[], count: (item: T) => number): number {
  return items.reduce((n, item) => n + count(item), 0);
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const f1 = (hit: number, predicted: number, gold: number) => {
  const precision = ratio(hit, predicted);
  const recall = ratio(hit, gold);
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
};

export function figuresOf(c: Counts): Figures {
  return {
    taskF1: f1(c.paired, c.predicted, c.gold),
    unitF1: f1(c.unitsHit, c.unitsPredicted, c.unitsGold),
    path: ratio(c.pathsHit, c.gold),
    title: ratio(c.titlesHit, c.gold),
    deadlineF1: f1(c.deadlinesHit, c.deadlinesPredicted, c.deadlinesGold),
    meta: ratio(c.metaHit, c.metaFields),
  };
}

/** Counts of several documents added up, for a total. */
export function addCounts(all: Counts[]): Counts {
  const total = { ...NO_COUNTS };
  for (const key of Object.keys(total) as (keyof Counts)[]) total[key] = all.reduce((n, c) => n + c[key], 0);
  return total;
}

/** Figures below the thresholds, as `name=value<threshold`. */
export function shortfalls(figures: Figures, thresholds: Figures = THRESHOLDS): string[] {
  return (Object.keys(thresholds) as (keyof Figures)[])
    .filter((k) => figures[k] < thresholds[k])
    .map((k) => `${k}=${figures[k].toFixed(3)}<${thresholds[k]}`);
}

export const formatFigures = (f: Figures) =>
  (Object.entries(f) as [string, number][]).map(([k, v]) => `${k}=${v.toFixed(3)}`).join(' ');
