import { InputError } from '../errors.js';
import { ledgerTitle } from '../export/fields.js';
import type { Deadline, Ledger, Task } from '../model.js';
import { alignTasks, type Alignment, type Match } from './align.js';
import { itemAt } from './indexed.js';
import { longestIncreasingSubsequence } from './order.js';
import { scriptFold } from './script.js';
import { sameSection } from './sections.js';
import { DEFAULT_THRESHOLD } from './threshold.js';
import { normaliseSpacing } from './text.js';
import {
  CHANGE_KINDS,
  type ChangeKind,
  type DiffReport,
  type DiffSide,
  type KindCounts,
  type Move,
  type SectionCounts,
  type TaskPair,
} from './types.js';
import { nameComparer, type NameComparer, unitChanges } from './unit-changes.js';

export interface DiffOptions {
  /** Similarity (signals.ts) under which two tasks are not paired (default DEFAULT_THRESHOLD). */
  threshold?: number;
  /** Alias tables of unit names read after the built-in one. */
  aliasFiles?: readonly string[];
}

function sideOf(ledger: Ledger): DiffSide {
  return { name: ledger.source.name, title: ledgerTitle(ledger), year: ledger.meta.year, tasks: ledger.tasks.length };
}

/** Deadlines as written: 年底前 in both years is the same deadline, whatever the year. */
function deadlineKey(deadlines: readonly Deadline[]): string {
  return JSON.stringify(deadlines.map((deadline) => normaliseSpacing(deadline.text)).sort());
}

/**
 * Which matches moved: to a section of another title, or out of the order of the others. The
 * matches left in place are the longest run that kept its order (old order = new order), so a
 * task inserted or deleted around them moves nothing.
 */
function movesOf(matches: readonly Match[], oldTasks: readonly Task[], newTasks: readonly Task[]): Map<Match, Move> {
  const moves = new Map<Match, Move>();
  const stayed: Match[] = [];
  for (const match of matches) {
    if (sameSection(itemAt(oldTasks, match.old).path, itemAt(newTasks, match.new).path)) stayed.push(match);
    else moves.set(match, 'section');
  }
  const inOrder = longestIncreasingSubsequence(stayed.map((match) => match.new));
  stayed.forEach((match, index) => {
    if (!inOrder.has(index)) moves.set(match, 'order');
  });
  return moves;
}

/** The task with its texts as they are compared (see scriptFold). */
function comparable(task: Task, fold: (text: string) => string): Task {
  return {
    ...task,
    text: fold(task.text),
    path: task.path.map(fold),
    deadlines: task.deadlines.map((deadline) => ({ ...deadline, text: fold(deadline.text) })),
  };
}

interface Side {
  ledger: Ledger;
  /** The ledger's tasks as they are compared. */
  tasks: Task[];
}

function pairOf(match: Match, move: Move | undefined, before: Side, after: Side, compareNames: NameComparer): TaskPair {
  const oldTask = itemAt(before.tasks, match.old);
  const newTask = itemAt(after.tasks, match.new);
  const old = itemAt(before.ledger.tasks, match.old);
  const current = itemAt(after.ledger.tasks, match.new);
  const pair: TaskPair = {
    old,
    new: current,
    similarity: match.similarity,
    signals: match.signals,
    kinds: [],
  };
  if (normaliseSpacing(oldTask.text) !== normaliseSpacing(newTask.text)) pair.kinds.push('changed');
  if (move !== undefined) {
    pair.kinds.push('moved');
    pair.move = move;
  }
  const units = unitChanges(oldTask, newTask, { old: before.ledger.meta.region, new: after.ledger.meta.region }, compareNames);
  if (units.length > 0) {
    pair.kinds.push('units');
    pair.units = units;
  }
  if (deadlineKey(oldTask.deadlines) !== deadlineKey(newTask.deadlines)) {
    pair.kinds.push('deadlines');
    pair.deadlines = { old: old.deadlines, new: current.deadlines };
  }
  if (pair.kinds.length === 0) pair.kinds.push('unchanged');
  return pair;
}

/** A removed task, with the new task most like it so that a reader can judge a near miss. */
function removedPair(task: Task, nearest: Match | undefined, newLedger: Ledger): TaskPair {
  const pair: TaskPair = { old: task, new: null, similarity: 0, kinds: ['removed'] };
  if (nearest !== undefined && nearest.similarity > 0) pair.nearest = { task: itemAt(newLedger.tasks, nearest.new), similarity: nearest.similarity };
  return pair;
}

/**
 * All pairs in the new year's order. A task that is not paired (removed, or merged into a new task
 * paired with another) goes right after the pair of the nearest old task before it that was kept,
 * so that it shows where it used to be; a new task split from an old one shows in its own place.
 */
function orderedPairs(alignment: Alignment, pairs: readonly TaskPair[], oldLedger: Ledger, newLedger: Ledger): TaskPair[] {
  const { matches, parts, nearestNew } = alignment;
  const pairByNew = new Map(matches.map((match, index) => [match.new, itemAt(pairs, index)]));
  const newIndexByOld = new Map(matches.map((match) => [match.old, match.new]));
  const partPair = (part: (typeof parts)[number]): TaskPair => ({
    old: itemAt(oldLedger.tasks, part.old),
    new: itemAt(newLedger.tasks, part.new),
    similarity: part.similarity,
    signals: part.signals,
    kinds: [part.kind],
  });
  const merged = new Map(parts.filter((part) => part.kind === 'merged').map((part) => [part.old, partPair(part)]));
  const split = new Map(parts.filter((part) => part.kind === 'split').map((part) => [part.new, partPair(part)]));
  const leftAfter = new Map<number, TaskPair[]>();
  let anchor = -1;
  oldLedger.tasks.forEach((task, oldIndex) => {
    const newIndex = newIndexByOld.get(oldIndex);
    if (newIndex !== undefined) {
      anchor = newIndex;
      return;
    }
    const left = leftAfter.get(anchor) ?? [];
    left.push(merged.get(oldIndex) ?? removedPair(task, nearestNew[oldIndex], newLedger));
    leftAfter.set(anchor, left);
  });
  const ordered: TaskPair[] = [...(leftAfter.get(-1) ?? [])];
  newLedger.tasks.forEach((task, newIndex) => {
    ordered.push(pairByNew.get(newIndex) ?? split.get(newIndex) ?? { old: null, new: task, similarity: 0, kinds: ['added'] });
    ordered.push(...(leftAfter.get(newIndex) ?? []));
  });
  return ordered;
}

function zeroCounts(): KindCounts {
  return Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, 0])) as KindCounts;
}

function addKinds(counts: KindCounts, kinds: readonly ChangeKind[]): void {
  for (const kind of kinds) counts[kind]++;
}

/**
 * Counts per top-level section: the new year's sections in the new notice's order, then the old
 * year's sections of the tasks that left (removed, merged) in the old notice's order.
 */
function sectionCounts(pairs: readonly TaskPair[], oldLedger: Ledger, newLedger: Ledger): SectionCounts[] {
  const sectionOf = (pair: TaskPair): ['old' | 'new', string] =>
    pair.new !== null && pair.kinds[0] !== 'merged' ? ['new', pair.new.path[0] ?? ''] : ['old', pair.old?.path[0] ?? ''];
  const counts = new Map<string, KindCounts>();
  for (const pair of pairs) {
    const key = JSON.stringify(sectionOf(pair));
    const sectionCounts = counts.get(key) ?? zeroCounts();
    addKinds(sectionCounts, pair.kinds);
    counts.set(key, sectionCounts);
  }
  const inOrder = (side: 'old' | 'new', ledger: Ledger): SectionCounts[] =>
    [...new Set(ledger.tasks.map((task) => task.path[0] ?? ''))].flatMap((title) => {
      const found = counts.get(JSON.stringify([side, title]));
      return found === undefined ? [] : [{ title, side, year: ledger.meta.year, counts: found }];
    });
  return [...inOrder('new', newLedger), ...inOrder('old', oldLedger)];
}

/** The most tasks a side may have: beyond it, a diff would take more than seconds and a gigabyte. */
export const MAX_TASKS = 10_000;

function checkSize(...ledgers: readonly Ledger[]): void {
  for (const ledger of ledgers) {
    if (ledger.tasks.length > MAX_TASKS) {
      const count = (n: number) => n.toLocaleString('en');
      throw new InputError(`${ledger.source.name}: ${count(ledger.tasks.length)} tasks; diff compares at most ${count(MAX_TASKS)} tasks a side`);
    }
  }
}

/** What changed, task by task, from the old year's ledger to the new one's. */
export function diffLedgers(oldLedger: Ledger, newLedger: Ledger, options: DiffOptions = {}): DiffReport {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  checkSize(oldLedger, newLedger);
  const compareNames = nameComparer(options.aliasFiles);
  const fold = scriptFold(oldLedger, newLedger);
  const before: Side = { ledger: oldLedger, tasks: oldLedger.tasks.map((task) => comparable(task, fold)) };
  const after: Side = { ledger: newLedger, tasks: newLedger.tasks.map((task) => comparable(task, fold)) };
  const regions = { old: oldLedger.meta.region, new: newLedger.meta.region };
  const alignment = alignTasks(before.tasks, after.tasks, threshold, {
    unitKey: (name, side) => compareNames(name, regions[side]).canonical,
  });
  const moves = movesOf(alignment.matches, before.tasks, after.tasks);
  const matched = alignment.matches.map((match) => pairOf(match, moves.get(match), before, after, compareNames));
  const pairs = orderedPairs(alignment, matched, oldLedger, newLedger);
  const counts = zeroCounts();
  for (const pair of pairs) addKinds(counts, pair.kinds);
  return { old: sideOf(oldLedger), new: sideOf(newLedger), threshold, pairs, counts, sections: sectionCounts(pairs, oldLedger, newLedger) };
}
